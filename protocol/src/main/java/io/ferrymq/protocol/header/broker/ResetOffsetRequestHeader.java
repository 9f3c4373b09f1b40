package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of RESET_CONSUMER_CLIENT_OFFSET (220), broker to consumer, and of the admin's
 * INVOKE_BROKER_TO_RESET_OFFSET; 5.x adds {@code queueId} (-1 = all) and {@code offset}. The wire
 * key of the force flag is {@code isForce}. Immutable; absent optional fields are null.
 */
public record ResetOffsetRequestHeader(
        @Required String topic,
        @Required String group,
        Integer queueId,
        Long offset,
        long timestamp,
        boolean isForce,
        String bname) {}
