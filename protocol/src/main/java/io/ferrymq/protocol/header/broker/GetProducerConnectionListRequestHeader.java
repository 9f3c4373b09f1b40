package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_PRODUCER_CONNECTION_LIST (204). Immutable; absent optional fields are null.
 */
public record GetProducerConnectionListRequestHeader(
        @Required String producerGroup, String bname) {}
