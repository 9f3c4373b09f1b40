package io.ferrymq.protocol.header.broker;

/**
 * The header of HEART_BEAT (34): empty in 5.x ({@code {}}) and absent in 4.9.x; the heartbeat
 * itself is the body. Immutable; absent optional fields are null.
 */
public record HeartbeatRequestHeader(String bname) {}
