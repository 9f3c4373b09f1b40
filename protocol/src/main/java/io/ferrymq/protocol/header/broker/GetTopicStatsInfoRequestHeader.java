package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_TOPIC_STATS_INFO (202). Immutable; absent optional fields are null.
 */
public record GetTopicStatsInfoRequestHeader(@Required String topic, String bname) {}
