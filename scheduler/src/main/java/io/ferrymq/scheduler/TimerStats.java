package io.ferrymq.scheduler;

/**
 * A snapshot of a {@link DelayedDelivery}, for the broker's stats and the dashboard (plain record
 * components, so JSON serialisers see them as properties). Immutable.
 *
 * @param pending timers indexed and not yet settled (fired, cancelled or lost)
 * @param pendingByDue pending timers by how soon they are due
 * @param nextDueMs deliver-at of the earliest pending timer, or -1 when none
 * @param wheelEntries timers held in memory by the time wheels (the near future)
 * @param firedTotal timers delivered to their real topic, ever (durable)
 * @param firedPerSecond deliveries per second over the last five whole seconds
 * @param lateness how late deliveries completed, since this start
 * @param duplicatesAvoided timers found already delivered by a run that crashed before settling
 *     them, and so not delivered again (durable)
 * @param possibleDuplicates timers delivered after a crash that could not be checked (no UNIQ_KEY),
 *     so possibly twice (durable)
 * @param cancelledTotal timers cancelled by message id (durable)
 * @param lostTotal timers whose parked message was gone (deleted by retention) or unusable (durable)
 * @param retentionFloorOffset commit-log offset below which no pending timer's message lies
 *     ({@link Long#MAX_VALUE} when none is pending)
 */
public record TimerStats(
        long pending,
        DueBuckets pendingByDue,
        long nextDueMs,
        long wheelEntries,
        long firedTotal,
        double firedPerSecond,
        Lateness lateness,
        long duplicatesAvoided,
        long possibleDuplicates,
        long cancelledTotal,
        long lostTotal,
        long retentionFloorOffset) {

    /**
     * Pending timers by due time relative to the snapshot: each field counts those due after the
     * previous bound and at most this far ahead (overdue ones count as within 1 s).
     *
     * @param capped the count stopped at {@link TimerConfig#statsScanCap()}: the timers not counted
     *     are all in {@code later}
     */
    public record DueBuckets(
            long within1s,
            long within10s,
            long within1m,
            long within10m,
            long within1h,
            long within1d,
            long later,
            boolean capped) {}

    /**
     * Delivery lateness (append completion time minus deliver-at): each {@code atMost…} field counts
     * the deliveries above the previous bound and at most that late.
     *
     * @param count deliveries measured
     */
    public record Lateness(
            long count,
            long atMost1ms,
            long atMost5ms,
            long atMost10ms,
            long atMost20ms,
            long atMost50ms,
            long atMost100ms,
            long atMost500ms,
            long atMost1000ms,
            long over1000ms,
            long p50Ms,
            long p99Ms,
            long maxMs) {}
}
