package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of CONSUMER_SEND_MSG_BACK (36): {@code offset} is the failed message's commit-log
 * offset; {@code delayLevel} 0 lets the broker choose, -1 sends straight to the DLQ. Immutable;
 * absent optional fields are null.
 */
public record ConsumerSendMsgBackRequestHeader(
        long offset,
        @Required String group,
        int delayLevel,
        String originMsgId,
        String originTopic,
        Boolean unitMode,
        Integer maxReconsumeTimes,
        String bname) {}
