package io.ferrymq.transaction;

/**
 * What an END_TRANSACTION (or an operator's resolve) did to a half message. Immutable.
 *
 * @param status the outcome
 * @param settledAs for {@link Status#ALREADY_SETTLED}: how the half was settled earlier, or null when
 *     that is no longer remembered (settled longer ago than {@link
 *     TransactionConfig#settledRetentionMs()}); for {@link Status#COMMITTED} and {@link
 *     Status#ROLLED_BACK}: the decision just applied; otherwise null
 * @param halfOffset the half's commit-log offset, as asked
 * @param deliveredOffset for {@link Status#COMMITTED}: the commit-log offset of the message delivered
 *     to the real topic; otherwise -1
 * @param detail a short explanation for logs and the admin API
 */
public record EndResult(Status status, Decision settledAs, long halfOffset, long deliveredOffset, String detail) {

    /** The outcomes of an end request. */
    public enum Status {
        /** The message was appended to its real topic (same message id) and the half settled. */
        COMMITTED,
        /** The half was discarded. */
        ROLLED_BACK,
        /** The half was settled before (or its commit is under way): nothing changed. */
        ALREADY_SETTLED,
        /** UNKNOWN: the half stays pending (or parked) and will be checked back (unless parked). */
        STILL_PENDING,
        /** No half message at that offset (never stored there, or long gone). */
        UNKNOWN_HALF,
        /** The producer group or message id does not match the half at that offset: nothing changed. */
        REJECTED,
        /** The half's message was deleted (retention) before it was settled: nothing to deliver. */
        LOST,
        /**
         * The commit is recorded but its append was refused (disk full, store closing) or the
         * coordinator is closing: the coordinator appends it later by itself; a repeated END is
         * answered {@link #ALREADY_SETTLED}.
         */
        FAILED
    }

    public static EndResult committed(long halfOffset, long deliveredOffset) {
        return new EndResult(Status.COMMITTED, Decision.COMMIT, halfOffset, deliveredOffset, "committed");
    }

    public static EndResult rolledBack(long halfOffset) {
        return new EndResult(Status.ROLLED_BACK, Decision.ROLLBACK, halfOffset, -1, "rolled back");
    }

    public static EndResult alreadySettled(long halfOffset, Decision settledAs, String detail) {
        return new EndResult(Status.ALREADY_SETTLED, settledAs, halfOffset, -1, detail);
    }

    public static EndResult stillPending(long halfOffset, String detail) {
        return new EndResult(Status.STILL_PENDING, null, halfOffset, -1, detail);
    }

    public static EndResult unknownHalf(long halfOffset, String detail) {
        return new EndResult(Status.UNKNOWN_HALF, null, halfOffset, -1, detail);
    }

    public static EndResult rejected(long halfOffset, String detail) {
        return new EndResult(Status.REJECTED, null, halfOffset, -1, detail);
    }

    public static EndResult lost(long halfOffset) {
        return new EndResult(Status.LOST, null, halfOffset, -1, "the half message was deleted before it was settled");
    }

    public static EndResult failed(long halfOffset, String detail) {
        return new EndResult(Status.FAILED, null, halfOffset, -1, detail);
    }

    /** True for {@link Status#COMMITTED} and {@link Status#ROLLED_BACK}: this request settled the half. */
    public boolean settledNow() {
        return status == Status.COMMITTED || status == Status.ROLLED_BACK;
    }
}
