package io.ferrymq.consumequeue;

/** The store failed to read or write its own files (RocksDB or consume queues). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
