package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** UNREGISTER_BROKER (104) request header. Immutable. */
public record UnRegisterBrokerRequestHeader(
        @Required String brokerName,
        @Required String brokerAddr,
        @Required String clusterName,
        long brokerId) {}
