package io.ferrymq.client;

/** What a local transaction (or a check of it) says about its message. */
public enum TransactionState {
    /** The local transaction committed: deliver the message. */
    COMMIT,
    /** The local transaction rolled back: never deliver it. */
    ROLLBACK,
    /** Not known yet: the broker asks the {@link TransactionChecker} later. */
    UNKNOWN
}
