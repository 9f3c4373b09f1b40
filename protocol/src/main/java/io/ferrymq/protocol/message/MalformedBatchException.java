package io.ferrymq.protocol.message;

/**
 * A SEND_BATCH_MESSAGE body that does not parse: a record cut short, or sizes that do not add up.
 * The broker answers it with MESSAGE_ILLEGAL.
 */
public final class MalformedBatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedBatchException(String message) {
        super(message);
    }
}
