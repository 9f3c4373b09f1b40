/**
 * Transactional messages, the transaction module's API for the broker: {@link
 * io.ferrymq.transaction.HalfRecords} stores a transactional send as a half message under {@link
 * io.ferrymq.transaction.HalfTopic} and builds its commit; {@link
 * io.ferrymq.transaction.TransactionCoordinator} tracks halves durably, ends transactions ({@link
 * io.ferrymq.transaction.Decision}, {@link io.ferrymq.transaction.EndResult}), checks back unsettled
 * ones through the broker's {@link io.ferrymq.transaction.CheckBack}, and parks the unanswered ones
 * for an operator ({@link io.ferrymq.transaction.HalfInfo}). Sits on the {@code consumequeue} module's
 * store; the broker uses it.
 */
package io.ferrymq.transaction;
