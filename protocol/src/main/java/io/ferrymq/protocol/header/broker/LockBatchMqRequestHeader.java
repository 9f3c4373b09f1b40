package io.ferrymq.protocol.header.broker;

/**
 * The header of LOCK_BATCH_MQ (41): empty; the queues travel in the body. Immutable; absent
 * optional fields are null.
 */
public record LockBatchMqRequestHeader(String bname) {}
