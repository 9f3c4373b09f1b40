package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_CONSUMER_CONNECTION_LIST (203). Immutable; absent optional fields are null.
 */
public record GetConsumerConnectionListRequestHeader(
        @Required String consumerGroup, String bname) {}
