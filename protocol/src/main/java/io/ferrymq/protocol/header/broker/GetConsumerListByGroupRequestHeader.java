package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_CONSUMER_LIST_BY_GROUP (38); the answer is a body. Immutable; absent optional
 * fields are null.
 */
public record GetConsumerListByGroupRequestHeader(@Required String consumerGroup, String bname) {}
