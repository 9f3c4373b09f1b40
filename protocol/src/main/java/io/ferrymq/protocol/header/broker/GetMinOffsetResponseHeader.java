package io.ferrymq.protocol.header.broker;

/**
 * The response header of GET_MIN_OFFSET. Immutable; absent optional fields are null.
 */
public record GetMinOffsetResponseHeader(long offset) {}
