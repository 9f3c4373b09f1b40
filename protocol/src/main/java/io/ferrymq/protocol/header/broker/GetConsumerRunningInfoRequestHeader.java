package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_CONSUMER_RUNNING_INFO (307), broker to consumer. Immutable; absent optional
 * fields are null.
 */
public record GetConsumerRunningInfoRequestHeader(
        @Required String consumerGroup, @Required String clientId, Boolean jstackEnable, String bname) {}
