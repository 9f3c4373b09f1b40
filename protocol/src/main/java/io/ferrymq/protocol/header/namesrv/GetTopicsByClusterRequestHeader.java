package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** GET_TOPICS_BY_CLUSTER (224) request header. Immutable. */
public record GetTopicsByClusterRequestHeader(@Required String cluster) {}
