package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of NOTIFY_CONSUMER_IDS_CHANGED (40), broker to consumer, oneway. Immutable; absent
 * optional fields are null.
 */
public record NotifyConsumerIdsChangedRequestHeader(
        @Required String consumerGroup, String bname) {}
