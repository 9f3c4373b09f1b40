package io.ferrymq.protocol.header.broker;

/**
 * The response header of SEARCH_OFFSET_BY_TIMESTAMP. Immutable; absent optional fields are null.
 */
public record SearchOffsetResponseHeader(long offset) {}
