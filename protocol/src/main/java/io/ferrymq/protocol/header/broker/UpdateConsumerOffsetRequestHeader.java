package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of UPDATE_CONSUMER_OFFSET (15), usually oneway. Immutable; absent optional fields are
 * null.
 */
public record UpdateConsumerOffsetRequestHeader(
        @Required String consumerGroup, @Required String topic, int queueId, long commitOffset, String bname) {}
