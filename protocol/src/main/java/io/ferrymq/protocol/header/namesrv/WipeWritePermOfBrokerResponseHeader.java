package io.ferrymq.protocol.header.namesrv;

/** WIPE_WRITE_PERM_OF_BROKER (205) response header: how many topics lost write permission. Immutable. */
public record WipeWritePermOfBrokerResponseHeader(int wipeTopicCount) {}
