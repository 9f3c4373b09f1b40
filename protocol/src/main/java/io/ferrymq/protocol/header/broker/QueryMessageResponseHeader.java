package io.ferrymq.protocol.header.broker;

/**
 * The response header of QUERY_MESSAGE; both fields are required by the client. Immutable; absent
 * optional fields are null.
 */
public record QueryMessageResponseHeader(long indexLastUpdateTimestamp, long indexLastUpdatePhyoffset) {}
