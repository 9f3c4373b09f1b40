package io.ferrymq.protocol.header.broker;

/**
 * The response header of QUERY_CONSUMER_OFFSET: the group's stored offset. Immutable; absent
 * optional fields are null.
 */
public record QueryConsumerOffsetResponseHeader(long offset) {}
