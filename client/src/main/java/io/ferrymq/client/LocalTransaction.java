package io.ferrymq.client;

/**
 * Runs the local transaction a message belongs to, right after the broker stored the message as a
 * half message (invisible to consumers). Return {@link TransactionState#COMMIT} once the local
 * transaction committed, {@link TransactionState#ROLLBACK} if it rolled back, or {@link
 * TransactionState#UNKNOWN} to let the broker ask the {@link TransactionChecker} later. An exception
 * counts as UNKNOWN.
 */
@FunctionalInterface
public interface LocalTransaction {
    /**
     * @param msgId the message id (also its transaction id), known before the local transaction runs,
     *     so it can be stored with the local data for {@link TransactionChecker}
     * @param arg what was passed to {@link TransactionProducer#send}
     */
    TransactionState execute(Message message, String msgId, Object arg);
}
