package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** QUERY_DATA_VERSION (322) request header; the body is the broker's DataVersion JSON. Immutable. */
public record QueryDataVersionRequestHeader(
        @Required String brokerName,
        @Required String brokerAddr,
        @Required String clusterName,
        long brokerId) {}
