package io.ferrymq.transaction;

import java.nio.ByteBuffer;

/**
 * How the transaction coordinator asks a producer group about a half message
 * (CHECK_TRANSACTION_STATE, wire-protocol §4.8): the broker implements it with its producer registry
 * and remoting. The answer comes back later as an END_TRANSACTION with {@code
 * fromTransactionCheck=true}, which the broker passes to {@link TransactionCoordinator#end}.
 *
 * <p>Called on the {@code transaction-checker} thread, one half at a time: implementations must not
 * block (send oneway and return) and must be thread-safe with respect to the broker's other threads.
 * An exception counts as "not sent" and is logged.
 */
@FunctionalInterface
public interface CheckBack {
    /**
     * Sends a check for one half message to a live producer of {@code producerGroup}.
     *
     * @param halfRecord the half message as stored (topic {@link HalfTopic#NAME}), a read-only view of
     *     the commit log positioned at the record's start, valid during this call only (copy or encode
     *     it before returning; {@link HalfRecords#checkBody} builds the body the client expects)
     * @param halfOffset the half's commit-log offset: the check's {@code commitLogOffset}
     * @param uniqKey the half's UNIQ_KEY (message id and transaction id), or null if it has none
     * @return true if the check was sent to a live producer of the group (it counts against {@link
     *     TransactionConfig#transactionCheckMax()}); false if the group has no live producer (the half
     *     is tried again after {@link TransactionConfig#noProducerRetryMs()} without spending a check)
     */
    boolean check(String producerGroup, ByteBuffer halfRecord, long halfOffset, String uniqKey);
}
