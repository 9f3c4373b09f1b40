package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of QUERY_CONSUMER_OFFSET (14). Immutable; absent optional fields are null.
 */
public record QueryConsumerOffsetRequestHeader(
        @Required String consumerGroup, @Required String topic, int queueId, Boolean setZeroIfNotFound, String bname) {}
