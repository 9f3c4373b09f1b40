package io.ferrymq.broker.internal.register;

/**
 * Who a broker is to the nameservers: cluster, broker name and id, and its advertised addresses.
 * Immutable.
 *
 * @param brokerAddr {@code brokerIP1:listenPort}, the address clients use
 * @param haServerAddr {@code brokerIP1:listenPort+1}
 */
public record BrokerIdentity(
        String clusterName, String brokerName, long brokerId, String brokerAddr, String haServerAddr) {}
