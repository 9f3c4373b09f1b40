package io.ferrymq.transaction;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.transaction.internal.EndRequest;
import io.ferrymq.transaction.internal.HalfEntry;
import io.ferrymq.transaction.internal.HalfEntryLayout;
import io.ferrymq.transaction.internal.TransactionCounters;
import io.ferrymq.transaction.internal.TransactionLayout;
import io.ferrymq.transaction.internal.TransactionParts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Transactional messages over a {@link MessageStore}: tracks every half message the broker stores
 * under {@link HalfTopic} (see {@link HalfRecords}), ends transactions on END_TRANSACTION (commit:
 * the message is appended to its real topic with the same message id; rollback: discarded; unknown:
 * left pending), checks back halves left unsettled with their producer group through a {@link
 * CheckBack}, and parks those that never get an answer where an operator can list and resolve them.
 *
 * <h2>Thread</h2>
 *
 * One thread, {@code transaction-checker}, is the only writer of the RocksDB column family {@code
 * transactions}: it tails the half topic's queue (woken by the store's dispatch notices), decides the
 * END requests handed to it, launches commit appends without waiting for them, settles them when they
 * complete, checks back due halves, and prunes old settled records. Pending halves live in RocksDB,
 * not on the heap; only commits in flight are held in memory.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>Delivered once: a half is committed at most once, whatever END requests arrive, repeated or
 *       late, before or after it was indexed, before or after a restart. A commit is recorded durably
 *       before its append; a commit recorded but not settled when the process died is finished at the
 *       next start, after asking the key index whether the committed message already reached the real
 *       topic (a record with the half's UNIQ_KEY and {@code preparedTransactionOffset}), so it is not
 *       appended twice ({@code duplicatesAvoided}).
 *   <li>Nothing silently dropped: a half that used up {@link TransactionConfig#transactionCheckMax()}
 *       checks is parked, listed by {@link #unresolved}, and stays until a late END or {@link
 *       #resolve}. Its commit-log segment is kept ({@link #retentionFloorOffset()}).
 *   <li>Checks never copy the message: the stored half is handed to the {@link CheckBack} as it is.
 *       A group without a live producer does not use up checks.
 *   <li>Durable: pending and parked halves, check counts, next check times, recorded commits and
 *       settled decisions survive restarts (RocksDB's log is not synced per write: a process crash
 *       loses nothing; an OS crash may lose the latest state changes, which are then redone: halves
 *       indexed again from the queue, commits through the duplicate check, decisions by check-back).
 * </ul>
 *
 * <p>Thread-safe: every method may be called from any thread. One coordinator per store (it is the
 * only writer of its column family). Close it before the store.
 */
public final class TransactionCoordinator implements AutoCloseable {
    private static final long RESOLVE_TIMEOUT_MS = 10_000;

    private final MessageStore store;
    private final TransactionConfig config;
    private final TransactionParts parts;

    private TransactionCoordinator(MessageStore store, TransactionConfig config, Clock clock, CheckBack checkBack) {
        this.store = store;
        this.config = config;
        this.parts = TransactionParts.open(store, config, clock, checkBack);
    }

    /**
     * Opens the transaction state in the store's RocksDB, queues the commits a previous run left
     * unfinished, and starts the {@code transaction-checker} thread.
     */
    public static TransactionCoordinator start(
            MessageStore store, TransactionConfig config, Clock clock, CheckBack checkBack) {
        Objects.requireNonNull(checkBack, "checkBack");
        TransactionCoordinator coordinator = new TransactionCoordinator(store, config, clock, checkBack);
        coordinator.parts.start();
        return coordinator;
    }

    public TransactionConfig config() {
        return config;
    }

    /**
     * Ends the transaction of the half at {@code halfOffset} (END_TRANSACTION, from a send or from a
     * check). Never blocks: the answer completes once the decision is durable (for a commit, once the
     * committed message is appended as the store's flush mode promises).
     *
     * @param halfOffset the half's commit-log offset ({@code commitLogOffset} of the request)
     * @param producerGroup the request's {@code producerGroup}: must equal the half's {@code PGROUP}
     *     (null or empty skips the check)
     * @param uniqKey the request's {@code msgId} (the UNIQ_KEY): must equal the half's UNIQ_KEY, or be
     *     its offset message id (null or empty skips the check)
     * @return the outcome; see {@link EndResult.Status}. Never completes exceptionally.
     */
    public CompletableFuture<EndResult> end(long halfOffset, Decision decision, String producerGroup, String uniqKey) {
        Objects.requireNonNull(decision, "decision");
        EndRequest request = new EndRequest(halfOffset, decision, producerGroup, uniqKey);
        parts.submit(request);
        return request.result();
    }

    /**
     * Commits or rolls back a parked (or pending) half for an operator, and waits for the outcome (up
     * to 10 s).
     *
     * @throws IllegalArgumentException if {@code decision} is {@link Decision#UNKNOWN}
     * @throws IllegalStateException if the outcome is not known within 10 s
     */
    public EndResult resolve(long halfOffset, Decision decision) {
        if (decision == Decision.UNKNOWN) {
            throw new IllegalArgumentException("an operator resolves a half with COMMIT or ROLLBACK, not UNKNOWN");
        }
        try {
            return end(halfOffset, decision, null, null).get(RESOLVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving the half at " + halfOffset, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the half at " + halfOffset + " was not resolved in time", e);
        }
    }

    /** The unsettled half at {@code halfOffset}, or null when none is tracked there. */
    public HalfInfo find(long halfOffset) {
        HalfEntry entry = parts.index().half(halfOffset, new HalfEntry());
        return entry == null ? null : entry.toInfo();
    }

    /** Up to {@code max} parked halves (checks used up, waiting for an operator), oldest first. */
    public List<HalfInfo> unresolved(int max) {
        List<HalfInfo> found = new ArrayList<>();
        if (max <= 0) {
            return found;
        }
        parts.index().scanOffsetKeys(TransactionLayout.PARKED, 0, Integer.MAX_VALUE, (offset, value) -> {
            HalfInfo info = find(offset);
            if (info != null) {
                found.add(info);
            }
            return found.size() < max;
        });
        return found;
    }

    /** Up to {@code max} pending halves (committing ones included), oldest first. */
    public List<HalfInfo> pending(int max) {
        List<HalfInfo> found = new ArrayList<>();
        if (max <= 0) {
            return found;
        }
        HalfEntry entry = new HalfEntry();
        parts.index().scanOffsetKeys(TransactionLayout.HALF, 0, Integer.MAX_VALUE, (offset, value) -> {
            HalfEntryLayout.decode(offset, value, entry);
            if (entry.isPending()) {
                found.add(entry.toInfo());
            }
            return found.size() < max;
        });
        return found;
    }

    /** A snapshot of the counters. */
    public TransactionStats stats() {
        TransactionCounters counters = parts.counters();
        return new TransactionStats(
                counters.pending(),
                counters.parked(),
                counters.committed(),
                counters.rolledBack(),
                counters.checksSent(),
                counters.checksSkipped(),
                counters.duplicatesAvoided(),
                counters.lost(),
                parts.checkFailures(),
                parts.index().firstDueMs(),
                retentionFloorOffset());
    }

    /**
     * The commit-log offset below which no unsettled (pending, parked or committing) half lies:
     * retention must not delete the segment holding it or any later one ({@link Long#MAX_VALUE} when
     * none is unsettled).
     */
    public long retentionFloorOffset() {
        return parts.pins().floorOffset();
    }

    /** Makes the checker look at the clock now (after a manual clock moved). */
    public void wake() {
        parts.wake();
    }

    /** Test hook: agent steps finished since start. */
    long steps() {
        return parts.agent().steps();
    }

    /** Test hook: the next queue offset of the half topic to index. */
    long indexProgress() {
        return parts.indexProgress();
    }

    /** Test hook: agent steps that threw. */
    long agentFailures() {
        return parts.agentFailures();
    }

    /** The store this coordinator works on. */
    MessageStore store() {
        return store;
    }

    /**
     * Stops the checker thread; commit appends in flight are awaited up to 10 s and settled. END
     * requests not answered yet are answered {@link EndResult.Status#FAILED}; their halves stay
     * pending (recorded commits are finished after restart). Idempotent.
     */
    @Override
    public void close() {
        parts.close();
    }
}
