package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_MAX_OFFSET (30); 5.x clients add {@code committed}. Immutable; absent optional
 * fields are null.
 */
public record GetMaxOffsetRequestHeader(@Required String topic, int queueId, Boolean committed, String bname) {}
