package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** GET_BROKER_MEMBER_GROUP (901) request header. Immutable. */
public record GetBrokerMemberGroupRequestHeader(
        @Required String clusterName, @Required String brokerName) {}
