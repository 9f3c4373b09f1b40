package io.ferrymq.protocol.header.broker;

/**
 * The header of UNLOCK_BATCH_MQ (42): empty; the queues travel in the body. Immutable; absent
 * optional fields are null.
 */
public record UnlockBatchMqRequestHeader(String bname) {}
