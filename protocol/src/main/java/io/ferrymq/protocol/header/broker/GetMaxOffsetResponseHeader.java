package io.ferrymq.protocol.header.broker;

/**
 * The response header of GET_MAX_OFFSET: the next offset to be written. Immutable; absent optional
 * fields are null.
 */
public record GetMaxOffsetResponseHeader(long offset) {}
