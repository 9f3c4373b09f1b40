package io.ferrymq.transaction;

/**
 * A snapshot of the transaction coordinator, for the broker's stats and the dashboard (plain record
 * components, so JSON serialisers see them as properties). Counters marked durable survive restarts.
 * Immutable.
 *
 * @param pending unsettled halves waiting for END_TRANSACTION or a check answer (committing ones
 *     included) (durable)
 * @param parked unsettled halves that used up their checks and wait for an operator (durable)
 * @param committedTotal halves delivered to their real topic, ever (durable)
 * @param rolledBackTotal halves discarded, ever (durable)
 * @param checksSent check-backs sent to a live producer, ever (durable)
 * @param checksSkippedNoProducer checks not sent because the group had no live producer (durable)
 * @param duplicatesAvoided commits found already delivered by a run that crashed before recording
 *     it, and so not appended again (durable)
 * @param lostTotal halves whose message was gone (deleted by retention) before they were settled
 *     (durable)
 * @param checkFailures checks whose {@link CheckBack} threw, since this start
 * @param nextCheckMs when the next check is due, or -1 when none is
 * @param retentionFloorOffset commit-log offset below which no unsettled half lies ({@link
 *     Long#MAX_VALUE} when none)
 */
public record TransactionStats(
        long pending,
        long parked,
        long committedTotal,
        long rolledBackTotal,
        long checksSent,
        long checksSkippedNoProducer,
        long duplicatesAvoided,
        long lostTotal,
        long checkFailures,
        long nextCheckMs,
        long retentionFloorOffset) {}
