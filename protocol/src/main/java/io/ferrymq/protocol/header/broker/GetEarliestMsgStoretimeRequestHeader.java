package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of GET_EARLIEST_MSG_STORETIME (32). Immutable; absent optional fields are null.
 */
public record GetEarliestMsgStoretimeRequestHeader(@Required String topic, int queueId, String bname) {}
