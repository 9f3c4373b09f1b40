package io.ferrymq.transaction;

import io.ferrymq.protocol.message.MessageSysFlag;

/**
 * How a producer (or an operator) ends a transaction: END_TRANSACTION's {@code commitOrRollback}
 * (wire-protocol §4.8). Immutable.
 */
public enum Decision {
    /** Deliver the half message to its real topic (wire value 8). */
    COMMIT,
    /** Discard it (wire value 12). */
    ROLLBACK,
    /** Not decided yet: the half stays pending and will be checked back (wire value 0). */
    UNKNOWN;

    /**
     * The decision an END_TRANSACTION's {@code commitOrRollback} carries: 8 commit, 12 rollback, 0
     * unknown.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Decision fromCommitOrRollback(int value) {
        return switch (value) {
            case MessageSysFlag.TRANSACTION_COMMIT_TYPE -> COMMIT;
            case MessageSysFlag.TRANSACTION_ROLLBACK_TYPE -> ROLLBACK;
            case MessageSysFlag.TRANSACTION_NOT_TYPE -> UNKNOWN;
            default ->
                throw new IllegalArgumentException(
                        "commitOrRollback must be 8 (commit), 12 (rollback) or 0 (unknown), was " + value);
        };
    }

    /** The wire value: 8, 12 or 0. */
    public int commitOrRollback() {
        return switch (this) {
            case COMMIT -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOWN -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
    }
}
