package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.AppendResult;

/**
 * What became of one commit attempt, handed back to the transaction agent: the append completed (or
 * failed), or the commit was settled without an append.
 *
 * <p>Immutable; created on any thread (an append completes on the store's flush thread).
 *
 * @param kind {@link #APPENDED}, {@link #ALREADY_DELIVERED} or {@link #LOST}
 * @param result for {@link #APPENDED}: the append's result, or null if it threw
 * @param error for {@link #APPENDED}: what the append threw, or null
 * @param deliveredOffset for {@link #ALREADY_DELIVERED}: where the earlier delivery lies
 */
record Completion(PendingCommit commit, int kind, AppendResult result, Throwable error, long deliveredOffset) {
    static final int APPENDED = 0;
    static final int ALREADY_DELIVERED = 1;
    static final int LOST = 2;

    static Completion appended(PendingCommit commit, AppendResult result, Throwable error) {
        return new Completion(commit, APPENDED, result, error, -1);
    }

    static Completion alreadyDelivered(PendingCommit commit, long deliveredOffset) {
        return new Completion(commit, ALREADY_DELIVERED, null, null, deliveredOffset);
    }

    static Completion lost(PendingCommit commit) {
        return new Completion(commit, LOST, null, null, -1);
    }
}
