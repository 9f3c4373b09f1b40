package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_CONSUMER_STATUS_FROM_CLIENT (221), broker to consumer. Immutable; absent
 * optional fields are null.
 */
public record GetConsumerStatusRequestHeader(
        @Required String topic, @Required String group, String clientAddr, String bname) {}
