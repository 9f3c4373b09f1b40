package io.ferrymq.client;

/**
 * One broker's scheduler of delayed messages, as {@link Admin#delayStats} reports it. Immutable.
 *
 * @param pending delayed messages stored and not yet delivered or cancelled
 * @param dueWithin1s pending ones due within a second (overdue ones included)
 * @param dueWithin1m pending ones due within a minute, the first second included
 * @param dueWithin1h pending ones due within an hour, the first minute included
 * @param dueWithin1d pending ones due within a day, the first hour included
 * @param nextDueMs when the earliest pending one is due (epoch ms), or -1 when none is pending
 * @param firedTotal delayed messages delivered to their topic, ever
 * @param firedPerSecond deliveries per second over the last few seconds
 * @param latenessP50Ms median delivery lateness since the broker started, ms
 * @param latenessP99Ms 99th percentile delivery lateness, ms
 * @param latenessMaxMs worst delivery lateness, ms
 * @param cancelledTotal delayed messages cancelled by id, ever
 * @param duplicatesAvoided deliveries a crash would have repeated and the broker did not
 * @param possibleDuplicates deliveries a crash may have repeated (the broker could not check)
 */
public record DelayStats(
        long pending,
        long dueWithin1s,
        long dueWithin1m,
        long dueWithin1h,
        long dueWithin1d,
        long nextDueMs,
        long firedTotal,
        double firedPerSecond,
        long latenessP50Ms,
        long latenessP99Ms,
        long latenessMaxMs,
        long cancelledTotal,
        long duplicatesAvoided,
        long possibleDuplicates) {}
