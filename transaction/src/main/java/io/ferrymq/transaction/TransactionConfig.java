package io.ferrymq.transaction;

/**
 * Settings of a {@link TransactionCoordinator}. Immutable; every value is checked at construction.
 * The first three keep RocketMQ's broker config names and defaults.
 *
 * @param transactionTimeOutMs {@code transactionTimeOut}: a half is first checked back this long
 *     after it was stored (default 6,000), or after its {@code CHECK_IMMUNITY_TIME_IN_SECONDS} if that
 *     is longer
 * @param transactionCheckMax {@code transactionCheckMax}: checks sent to a live producer before the
 *     half is parked for an operator (default 15)
 * @param transactionCheckIntervalMs {@code transactionCheckInterval}: the wait after the first check
 *     sent before the next (default 30,000)
 * @param checkBackoffMaxMs the wait between checks doubles after each check sent, up to this (default
 *     30,000: with the default interval the wait stays 30 s, as in RocketMQ; a value below the interval
 *     means no growth)
 * @param noProducerRetryMs when the group has no live producer, the half is tried again this much
 *     later, without spending a check (default 5,000)
 * @param settledRetentionMs how long a settled half's decision is remembered, so a late or repeated
 *     END_TRANSACTION is answered with it (default 1 hour); after that it is still never delivered
 *     twice, only the answer no longer says how it was settled
 * @param checksPerStep halves checked at most per step of the checker (default 1,024)
 * @param indexBatchSize half-topic records indexed per step, in one RocksDB batch (default 1,024)
 * @param maxInFlightCommits commit appends not yet completed, at most (default 4,096)
 * @param commitRetryMs how long a commit whose append was refused (disk full) waits before it is tried
 *     again (default 1,000)
 * @param idleMs how long the checker thread idles when it has nothing to do (default 20)
 */
public record TransactionConfig(
        long transactionTimeOutMs,
        int transactionCheckMax,
        long transactionCheckIntervalMs,
        long checkBackoffMaxMs,
        long noProducerRetryMs,
        long settledRetentionMs,
        int checksPerStep,
        int indexBatchSize,
        int maxInFlightCommits,
        long commitRetryMs,
        long idleMs) {

    public TransactionConfig {
        notNegative("transactionTimeOut", transactionTimeOutMs);
        positive("transactionCheckMax", transactionCheckMax);
        positive("transactionCheckInterval", transactionCheckIntervalMs);
        notNegative("checkBackoffMaxMs", checkBackoffMaxMs);
        positive("noProducerRetryMs", noProducerRetryMs);
        positive("settledRetentionMs", settledRetentionMs);
        positive("checksPerStep", checksPerStep);
        positive("indexBatchSize", indexBatchSize);
        positive("maxInFlightCommits", maxInFlightCommits);
        positive("commitRetryMs", commitRetryMs);
        positive("idleMs", idleMs);
    }

    /** RocketMQ's defaults for the first three, and the defaults above. */
    public static TransactionConfig defaults() {
        return new TransactionConfig(6_000, 15, 30_000, 30_000, 5_000, 3_600_000, 1_024, 1_024, 4_096, 1_000, 20);
    }

    /**
     * How long after the {@code checksSent}-th check sent (1 or more) the half is due again: the
     * interval, doubled per further check, capped at {@link #checkBackoffMaxMs} (but never below the
     * interval).
     */
    public long checkDelayMs(int checksSent) {
        long cap = Math.max(transactionCheckIntervalMs, checkBackoffMaxMs);
        int doublings = Math.max(0, Math.min(checksSent - 1, 62));
        long delay = transactionCheckIntervalMs;
        for (int i = 0; i < doublings && delay < cap; i++) {
            delay = delay > cap / 2 ? cap : delay * 2;
        }
        return Math.min(delay, cap);
    }

    /** {@code transactionTimeOut}, in ms. */
    public TransactionConfig withTransactionTimeOutMs(long ms) {
        return new TransactionConfig(
                ms,
                transactionCheckMax,
                transactionCheckIntervalMs,
                checkBackoffMaxMs,
                noProducerRetryMs,
                settledRetentionMs,
                checksPerStep,
                indexBatchSize,
                maxInFlightCommits,
                commitRetryMs,
                idleMs);
    }

    public TransactionConfig withTransactionCheckMax(int checks) {
        return new TransactionConfig(
                transactionTimeOutMs,
                checks,
                transactionCheckIntervalMs,
                checkBackoffMaxMs,
                noProducerRetryMs,
                settledRetentionMs,
                checksPerStep,
                indexBatchSize,
                maxInFlightCommits,
                commitRetryMs,
                idleMs);
    }

    /** {@code transactionCheckInterval}, in ms. */
    public TransactionConfig withTransactionCheckIntervalMs(long ms) {
        return new TransactionConfig(
                transactionTimeOutMs,
                transactionCheckMax,
                ms,
                checkBackoffMaxMs,
                noProducerRetryMs,
                settledRetentionMs,
                checksPerStep,
                indexBatchSize,
                maxInFlightCommits,
                commitRetryMs,
                idleMs);
    }

    public TransactionConfig withCheckBackoffMaxMs(long ms) {
        return new TransactionConfig(
                transactionTimeOutMs,
                transactionCheckMax,
                transactionCheckIntervalMs,
                ms,
                noProducerRetryMs,
                settledRetentionMs,
                checksPerStep,
                indexBatchSize,
                maxInFlightCommits,
                commitRetryMs,
                idleMs);
    }

    public TransactionConfig withNoProducerRetryMs(long ms) {
        return new TransactionConfig(
                transactionTimeOutMs,
                transactionCheckMax,
                transactionCheckIntervalMs,
                checkBackoffMaxMs,
                ms,
                settledRetentionMs,
                checksPerStep,
                indexBatchSize,
                maxInFlightCommits,
                commitRetryMs,
                idleMs);
    }

    public TransactionConfig withSettledRetentionMs(long ms) {
        return new TransactionConfig(
                transactionTimeOutMs,
                transactionCheckMax,
                transactionCheckIntervalMs,
                checkBackoffMaxMs,
                noProducerRetryMs,
                ms,
                checksPerStep,
                indexBatchSize,
                maxInFlightCommits,
                commitRetryMs,
                idleMs);
    }

    public TransactionConfig withBatches(int checks, int indexed, int inFlightCommits) {
        return new TransactionConfig(
                transactionTimeOutMs,
                transactionCheckMax,
                transactionCheckIntervalMs,
                checkBackoffMaxMs,
                noProducerRetryMs,
                settledRetentionMs,
                checks,
                indexed,
                inFlightCommits,
                commitRetryMs,
                idleMs);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
