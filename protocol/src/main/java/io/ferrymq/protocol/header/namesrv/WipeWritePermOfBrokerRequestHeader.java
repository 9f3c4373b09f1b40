package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** WIPE_WRITE_PERM_OF_BROKER (205) request header. Immutable. */
public record WipeWritePermOfBrokerRequestHeader(@Required String brokerName) {}
