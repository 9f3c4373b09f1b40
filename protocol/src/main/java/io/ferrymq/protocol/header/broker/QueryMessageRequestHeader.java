package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;
import io.ferrymq.protocol.header.WireName;

/**
 * The header of QUERY_MESSAGE (12): messages of {@code topic} whose KEYS or UNIQ_KEY equal {@code
 * key}, stored between the two timestamps (ms). {@code _UNIQUE_KEY_QUERY} is "true" when {@code
 * key} is a UNIQ_KEY; it is an extra {@code extFields} entry in RocketMQ, not a header field.
 * Immutable; absent optional fields are null.
 */
public record QueryMessageRequestHeader(
        @Required String topic,
        @Required String key,
        int maxNum,
        long beginTimestamp,
        long endTimestamp,
        @WireName("_UNIQUE_KEY_QUERY") Boolean uniqueKeyQuery,
        String bname) {}
