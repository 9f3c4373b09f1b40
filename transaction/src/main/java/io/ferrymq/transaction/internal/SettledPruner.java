package io.ferrymq.transaction.internal;

/**
 * Forgets settled halves older than {@code settledRetentionMs} ({@code 't'} and {@code 's'} records),
 * oldest first, a bounded number per step and at most about once a minute. A late END_TRANSACTION for
 * a forgotten half is still never delivered: its half is found in the log, behind the indexer's
 * progress, and not tracked, which means settled.
 *
 * <p>Runs on the transaction agent's thread only.
 */
final class SettledPruner {
    private static final int MAX_PER_STEP = 4_096;
    private static final long PERIOD_MS = 60_000;

    private final TransactionIndex index;
    private final long retentionMs;
    private long nextRunMs;

    SettledPruner(TransactionIndex index, long retentionMs) {
        this.index = index;
        this.retentionMs = retentionMs;
    }

    /** Prunes up to one step's worth when due; returns 1 if it pruned anything. */
    int step(long nowMs) {
        if (nowMs < nextRunMs) {
            return 0;
        }
        int pruned = index.scanTimeKeys(
                TransactionLayout.SETTLED_BY_AGE,
                nowMs - retentionMs,
                MAX_PER_STEP,
                (ms, offset) -> index.deleteSettled(offset, ms));
        index.write();
        nextRunMs = pruned == MAX_PER_STEP ? nowMs : nowMs + Math.min(PERIOD_MS, retentionMs);
        return pruned > 0 ? 1 : 0;
    }
}
