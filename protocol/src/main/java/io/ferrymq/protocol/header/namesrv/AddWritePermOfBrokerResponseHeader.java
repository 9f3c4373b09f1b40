package io.ferrymq.protocol.header.namesrv;

/** ADD_WRITE_PERM_OF_BROKER (327) response header: how many topics got read+write back. Immutable. */
public record AddWritePermOfBrokerResponseHeader(int addTopicCount) {}
