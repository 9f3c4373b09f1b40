package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/**
 * BROKER_HEARTBEAT (904) request header. Only the address and cluster matter to the nameserver;
 * the rest is controller-mode data accepted and ignored. Immutable.
 */
public record BrokerHeartbeatRequestHeader(
        @Required String clusterName,
        @Required String brokerAddr,
        @Required String brokerName,
        Long brokerId,
        Integer epoch,
        Long maxOffset,
        Long confirmOffset,
        Long heartbeatTimeoutMills,
        Integer electionPriority) {}
