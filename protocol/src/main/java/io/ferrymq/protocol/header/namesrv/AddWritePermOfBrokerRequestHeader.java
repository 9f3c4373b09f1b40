package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** ADD_WRITE_PERM_OF_BROKER (327) request header. Immutable. */
public record AddWritePermOfBrokerRequestHeader(@Required String brokerName) {}
