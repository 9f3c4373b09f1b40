package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_MIN_OFFSET (31). Immutable; absent optional fields are null.
 */
public record GetMinOffsetRequestHeader(@Required String topic, int queueId, String bname) {}
