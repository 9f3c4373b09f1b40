package io.ferrymq.protocol.header.namesrv;

/**
 * REGISTER_BROKER (103) response header: for a slave, its master's address and HA address; both
 * null (omitted) for a master. Immutable.
 */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) {}
