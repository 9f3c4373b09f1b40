package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of CONSUME_MESSAGE_DIRECTLY (309), broker to consumer; the body is one stored
 * message. Immutable; absent optional fields are null.
 */
public record ConsumeMessageDirectlyResultRequestHeader(
        @Required String consumerGroup,
        String clientId,
        String msgId,
        String brokerName,
        String topic,
        Integer topicSysFlag,
        Integer groupSysFlag,
        String bname) {}
