package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_CONSUME_STATS (208); without {@code topic}, every topic of the group.
 * Immutable; absent optional fields are null.
 */
public record GetConsumeStatsRequestHeader(@Required String consumerGroup, String topic, String bname) {}
