package io.ferrymq.client;

/**
 * The outcome of {@link TransactionProducer#send}: where the half message was stored, and what the
 * local transaction decided (already told to the broker).
 */
public record TransactionSendResult(SendResult send, TransactionState state) {
    /** The message id, which is also the transaction id. */
    public String msgId() {
        return send.msgId();
    }
}
