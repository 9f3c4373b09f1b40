package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemoteChannel;
import java.util.Map;

/**
 * One REGISTER_BROKER, decoded: who the broker is, how long it may stay silent, and its topic table.
 * Immutable.
 *
 * @param enableActingMaster null for brokers that predate acting-master mode (4.x)
 * @param dataVersion the version of {@code topics}
 * @param channel the connection it came on, or null (tests)
 */
public record BrokerRegistration(
        String clusterName,
        String brokerAddr,
        String brokerName,
        long brokerId,
        String haServerAddr,
        String zoneName,
        long timeoutMs,
        Boolean enableActingMaster,
        DataVersion dataVersion,
        Map<String, TopicConfig> topics,
        RemoteChannel channel) {

    /** RocketMQ's default broker expiry: two minutes of silence. */
    public static final long DEFAULT_TIMEOUT_MS = 120_000;

    public static final long MASTER_ID = 0;

    public BrokerRegistration {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
    }

    public BrokerKey key() {
        return new BrokerKey(clusterName, brokerAddr);
    }

    public boolean isMaster() {
        return brokerId == MASTER_ID;
    }
}
