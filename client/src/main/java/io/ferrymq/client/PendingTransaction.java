package io.ferrymq.client;

/**
 * A half message no decision has settled yet, as {@link Admin#unresolvedTransactions} lists it.
 *
 * @param brokerAddr the broker holding it: where {@link Admin#resolveTransaction} goes
 * @param halfOffset its commit-log offset on that broker
 * @param topic the topic it is delivered to on commit
 * @param queueId the queue
 * @param msgId its message id (also its transaction id)
 * @param producerGroup the group its producer belongs to
 * @param storeTimeMs when it was stored
 * @param checks how often the broker asked the group about it
 * @param state PENDING (still checked), PARKED (no answer after the last check: an operator decides)
 *     or COMMITTING
 */
public record PendingTransaction(
        String brokerAddr,
        long halfOffset,
        String topic,
        int queueId,
        String msgId,
        String producerGroup,
        long storeTimeMs,
        int checks,
        String state) {}
