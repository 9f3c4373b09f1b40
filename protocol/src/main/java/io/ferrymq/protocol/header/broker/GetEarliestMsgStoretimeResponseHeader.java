package io.ferrymq.protocol.header.broker;

/**
 * The response header of GET_EARLIEST_MSG_STORETIME: a store timestamp, ms. Immutable; absent
 * optional fields are null.
 */
public record GetEarliestMsgStoretimeResponseHeader(long timestamp) {}
