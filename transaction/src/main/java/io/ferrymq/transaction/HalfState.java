package io.ferrymq.transaction;

/** Where an unsettled half message stands. Immutable. */
public enum HalfState {
    /** Waiting for END_TRANSACTION; checked back with its producer group when due. */
    PENDING,
    /**
     * Checked {@link TransactionConfig#transactionCheckMax()} times without an answer: kept, visible
     * through {@link TransactionCoordinator#unresolved}, never checked again, until a late
     * END_TRANSACTION or an operator ({@link TransactionCoordinator#resolve}) settles it.
     */
    PARKED,
    /** Commit decided and recorded; the append to the real topic has not completed yet. */
    COMMITTING
}
