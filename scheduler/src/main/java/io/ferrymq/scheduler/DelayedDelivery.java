package io.ferrymq.scheduler;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueryResult;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.internal.CancelRequest;
import io.ferrymq.scheduler.internal.LatenessHistogram;
import io.ferrymq.scheduler.internal.ParkedRecord;
import io.ferrymq.scheduler.internal.TimerCounters;
import io.ferrymq.scheduler.internal.TimerParts;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Delayed delivery over a {@link MessageStore}: a message the broker parked under {@link TimerTopic}
 * (see {@link TimerRecords#schedule}) is appended to its real topic and queue when its {@code
 * TIMER_OUT_MS} comes, with its message id and properties (delay properties removed).
 *
 * <h2>Threads</h2>
 *
 * <ul>
 *   <li>{@code timer-indexer}: the one writer of the RocksDB column family {@code timers}. It tails
 *       the timer topic's queue (woken by the store's dispatch notices), records each parked message
 *       as (deliver-at, commit-log offset) together with the new queue progress in one batch,
 *       deletes the entries of settled timers, decides cancellations, and reads the index ahead into
 *       the wheels: only the next {@link TimerConfig#wheelWindowMs()} (and at most about {@link
 *       TimerConfig#maxWheelEntries()} timers) live in memory, the rest costs disk, not heap.
 *   <li>{@code timer-wheel-driver}: owns the layered time wheels. It parks until the next due time
 *       (or a wake-up), then appends the due messages oldest first without waiting for each append
 *       (up to {@link TimerConfig#maxInFlight()} outstanding). Completions report back to the indexer,
 *       which settles the timers in batches.
 * </ul>
 *
 * <h2>Durability</h2>
 *
 * <ul>
 *   <li>A timer is as durable as its parked message in the commit log; the index is rebuilt from the
 *       timer topic's queue past its durable progress, so a crash loses no timer and indexes none
 *       twice.
 *   <li>Never early: a message is appended only once the injected clock has reached its deliver-at.
 *   <li>A timer's index entry is deleted only after its append completed as the store's flush mode
 *       promises. If the process dies between the two, the timer is due again at restart: before the
 *       driver appends a timer due before the durable <em>fire fence</em> (a deliver-at bound written
 *       before any append at or past it) whose parked record predates this start, it asks the key
 *       index whether a record with the same UNIQ_KEY already reached the real topic after the parked
 *       record; if so the timer is settled without a second append ({@code duplicatesAvoided}). Without
 *       a UNIQ_KEY it cannot tell and delivers ({@code possibleDuplicates}).
 *   <li>If the {@code timers} family is lost, it is rebuilt from the timer topic's queue and every
 *       timer parked before the start goes through the duplicate check.
 *   <li>Timers that fell due while the broker was down go out right after start, oldest first, once
 *       the store's dispatcher has caught up with what was written before the start.
 *   <li>The index is written without syncing RocksDB's log: a process crash loses nothing; an OS crash
 *       may lose recent indexing (redone from the queue), recent settles (those timers then go
 *       through the duplicate check) or the last fence move (a timer delivered just before the crash
 *       may then be delivered again, uncounted). A cancellation is answered true only after the log
 *       is synced.
 *   <li>A parked message is never rewritten, however long its delay, so the commit log must keep it:
 *       retention must not delete the segment at {@link #retentionFloorOffset()} or any later one. A
 *       timer whose parked message is gone anyway is counted in {@code lostTotal}.
 * </ul>
 *
 * <p>Thread-safe: {@link #cancel}, {@link #stats} and {@link #close} may be called from any thread.
 * Close it before the store.
 */
public final class DelayedDelivery implements AutoCloseable {
    private static final long CANCEL_TIMEOUT_MS = 10_000;
    private static final long DISPATCH_WAIT_MS = 3_000;
    private static final int MAX_PARKED_PER_ID = 32;
    private static final long[] BUCKET_AHEAD_MS = {1_000, 10_000, 60_000, 600_000, 3_600_000, 86_400_000};

    private final MessageStore store;
    private final TimerConfig config;
    private final Clock clock;
    private final TimerParts parts;

    private DelayedDelivery(MessageStore store, TimerConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.parts = TimerParts.open(store, config, clock);
    }

    /** Opens the timer index in the store's RocksDB and starts the indexer and the driver. */
    public static DelayedDelivery start(MessageStore store, TimerConfig config, Clock clock) {
        DelayedDelivery delivery = new DelayedDelivery(store, config, clock);
        delivery.parts.start();
        return delivery;
    }

    public TimerConfig config() {
        return config;
    }

    /**
     * Cancels the pending timer of the message whose UNIQ_KEY (message id) is {@code uniqKey}: it will
     * not be delivered. Works for a timer not yet indexed (the cancellation is recorded durably and
     * applied when it is). Blocks briefly: up to 3 s while the store dispatches a just-sent message,
     * and while the indexer and driver decide.
     *
     * @return true if a pending timer was cancelled; false if none is pending under that id (unknown,
     *     already delivered or being delivered, or cancelled before)
     */
    public boolean cancel(String uniqKey) {
        List<CancelRequest> requests = requestCancels(uniqKey);
        if (requests.isEmpty()) {
            awaitDispatched(store.commitLog().writtenOffset());
            requests = requestCancels(uniqKey);
        }
        boolean cancelled = false;
        for (CancelRequest request : requests) {
            cancelled |= await(request);
        }
        return cancelled;
    }

    private List<CancelRequest> requestCancels(String uniqKey) {
        QueryResult found = store.queryByKey(TimerTopic.NAME, uniqKey, MAX_PARKED_PER_ID, 0, Long.MAX_VALUE);
        List<CancelRequest> requests = new ArrayList<>();
        StoredRecord record = new StoredRecord();
        for (ByteBuffer bytes : found.messages()) {
            record.wrap(bytes, 0);
            long deliverAt = ParkedRecord.deliverAtMs(record);
            if (deliverAt >= 0 && uniqKey.equals(record.property(MessageProperty.UNIQ_KEY))) {
                requests.add(parts.cancel(deliverAt, record.physicalOffset(), record.queueOffset()));
            }
        }
        return requests;
    }

    private void awaitDispatched(long offset) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DISPATCH_WAIT_MS);
        while (store.dispatchedOffset() < offset && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static boolean await(CancelRequest request) {
        try {
            return request.result().get(CANCEL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the timer service did not decide a cancellation in time", e);
        }
    }

    /** A snapshot of the counters, the pending timers by due time, lateness and the fired rate. */
    public TimerStats stats() {
        long now = clock.millis();
        long[] bounds = new long[BUCKET_AHEAD_MS.length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = now + BUCKET_AHEAD_MS[i];
        }
        long[] counts = parts.index().countBelow(bounds, config.statsScanCap());
        TimerCounters counters = parts.counters();
        long pending = counters.pending();
        long counted = 0;
        for (int i = 0; i < bounds.length; i++) {
            counted += counts[i];
        }
        TimerStats.DueBuckets byDue = new TimerStats.DueBuckets(
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                counts[5],
                Math.max(0, pending - counted),
                counts[bounds.length] != 0);
        return new TimerStats(
                pending,
                byDue,
                parts.index().firstDeliverAtMs(),
                Math.max(0, parts.window().held()),
                counters.fired(),
                parts.firedRate().perSecond(now),
                lateness(parts.lateness()),
                counters.deduplicated(),
                counters.possibleDuplicates(),
                counters.cancelled(),
                counters.lost(),
                parts.pins().floorOffset());
    }

    private static TimerStats.Lateness lateness(LatenessHistogram histogram) {
        long[] bounds = {1, 5, 10, 20, 50, 100, 500, 1000};
        long[] inBucket = new long[bounds.length];
        long below = 0;
        for (int i = 0; i < bounds.length; i++) {
            long atMost = histogram.countAtMost(bounds[i]);
            inBucket[i] = atMost - below;
            below = atMost;
        }
        long count = histogram.count();
        return new TimerStats.Lateness(
                count,
                inBucket[0],
                inBucket[1],
                inBucket[2],
                inBucket[3],
                inBucket[4],
                inBucket[5],
                inBucket[6],
                inBucket[7],
                Math.max(0, count - below),
                histogram.percentileMs(0.50),
                histogram.percentileMs(0.99),
                histogram.maxMs());
    }

    /**
     * The commit-log offset below which no pending timer's parked message lies: retention must not
     * delete the segment holding it or any later one ({@link Long#MAX_VALUE} when nothing is pending).
     */
    public long retentionFloorOffset() {
        return parts.pins().floorOffset();
    }

    /** Makes both threads look at the clock now (after a manual clock moved, or a config change). */
    public void wake() {
        parts.wake();
    }

    /** Test hook: every timer due at or before this time has been handed to the store. */
    long processedThroughMs() {
        return parts.driver().processedThroughMs();
    }

    /** Test hook: the load window's boundary (timers due before it are in the wheels). */
    long loadedThroughMs() {
        return parts.window().boundaryMs();
    }

    /** Test hook: the next queue offset of the timer topic to index. */
    long indexProgress() {
        return parts.agent().progress();
    }

    /** Test hook: driver steps that threw. */
    long driverFailures() {
        return parts.driver().failures();
    }

    /**
     * Stops the driver (appends in flight are awaited up to 10 s and settled) and the indexer. Pending
     * timers stay in the index for the next start. Idempotent.
     */
    @Override
    public void close() {
        parts.close();
    }
}
