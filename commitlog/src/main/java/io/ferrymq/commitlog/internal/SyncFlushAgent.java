package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.agent.Agent;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * SYNC_FLUSH with group commit, on two threads. The appender registers each append as a {@link
 * PendingAppend} (end offset + future) and wakes the flush thread; one {@link #doWork()} step forces
 * everything written so far (one force for every waiter at that moment, including those that arrived
 * while the previous force ran) and wakes the completion thread, which completes in log order every
 * waiter the force covered ({@link #completeDue()}) and times out those past their deadline. Waking
 * the callers is left to that second thread so the next force starts at once, instead of after one
 * unpark per caller. No thread waits per request: callers hold futures.
 *
 * <p>Gathering: the callers one force released come back over some tens of microseconds (each must
 * be scheduled again), so a force started at the first of them would cover only a few. Before
 * forcing, the flush thread therefore waits until the crowd seen around the last force (those it
 * covered plus those who arrived while it ran) has registered again, but never longer than the last
 * force took: a lone appender never waits, and a crowd shares one force instead of splitting.
 *
 * <p>Thread-safety: {@link #complete} is called by the appender under its lock; {@link #doWork()} by
 * the single flush thread; {@link #completeDue()} by the single completion thread.
 */
public final class SyncFlushAgent implements Agent, AppendCompletion {
    private final FlushWaiters waiters;
    private final LogFlusher flusher;
    private final Clock clock;
    private final long timeoutMs;
    private volatile Runnable wakeUp = () -> {};
    private volatile Runnable wakeCompleter = () -> {};
    private volatile long latestEndOffset;
    private final LongSupplier nanoTime;
    private long lastForceNs;
    private volatile long registered;
    private long forcedUpTo;
    private long expectedCallers;

    /** Upper bound of the gathering, whatever the last force took. */
    static final long MAX_GATHER_NS = 500_000;

    public SyncFlushAgent(LogFlusher flusher, Clock clock, long timeoutMs) {
        this(flusher, clock, timeoutMs, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock for the sub-millisecond gathering (business time is {@code clock}) */
    SyncFlushAgent(LogFlusher flusher, Clock clock, long timeoutMs, LongSupplier nanoTime) {
        this.waiters = new FlushWaiters();
        this.flusher = flusher;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.nanoTime = nanoTime;
    }

    /** What to call after registering a waiter (the flush runner's wake-up). */
    public void wakeUpWith(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** What to call after a force (the completion runner's wake-up). */
    public void wakeCompleterWith(Runnable wakeCompleter) {
        this.wakeCompleter = wakeCompleter;
    }

    @Override
    public CompletableFuture<AppendResult> complete(AppendResult result, long endOffset) {
        PendingAppend pending = new PendingAppend(result, endOffset, clock.millis() + timeoutMs);
        // queued before the offset is published, so the force that covers it finds it waiting
        waiters.add(pending);
        registered++; // the appender's lock makes this the only writer
        latestEndOffset = endOffset;
        wakeUp.run();
        return pending;
    }

    /** Forces up to the newest registered end offset, if not yet forced. */
    @Override
    public int doWork() {
        if (latestEndOffset <= flusher.flushedOffset()) {
            return 0;
        }
        long target = gather();
        long covered = registered;
        long start = nanoTime.getAsLong();
        flusher.flush(target);
        lastForceNs = nanoTime.getAsLong() - start;
        // the next wave: the callers this force covered, back again, and those who came meanwhile
        expectedCallers = (covered - forcedUpTo) + (registered - covered);
        forcedUpTo = covered;
        wakeCompleter.run();
        return 1;
    }

    /**
     * Waits until as many callers have registered since the last force began as were seen around it
     * (those it covered, who come back, and those who arrived while it ran), or at most as long as it
     * took; yields the CPU meanwhile, which the returning callers need. Returns the offset to force to.
     */
    private long gather() {
        long deadline = nanoTime.getAsLong() + Math.min(lastForceNs, MAX_GATHER_NS);
        while (registered - forcedUpTo < expectedCallers && nanoTime.getAsLong() < deadline) {
            Thread.yield();
        }
        return latestEndOffset;
    }

    /** Completes the waiters the forces so far covered, and times out those past their deadline. */
    public int completeDue() {
        return waiters.completeFlushed(flusher.flushedOffset()) + waiters.expire(clock.millis());
    }

    /** Completes waiters whose deadline passed with FLUSH_DISK_TIMEOUT; the data stays written. */
    public int expire() {
        return waiters.expire(clock.millis());
    }

    /** On close, after the final force: completes every waiter it covered. */
    public void completeFlushed(long flushedOffset) {
        waiters.completeFlushed(flushedOffset);
        waiters.expire(Long.MAX_VALUE);
    }

    @Override
    public String roleName() {
        return "commitlog-sync-flush";
    }

    /** The agent that completes covered waiters and times out late ones; runs on its own thread. */
    public Agent completionAgent() {
        return new Agent() {
            @Override
            public int doWork() {
                return completeDue();
            }

            @Override
            public String roleName() {
                return "commitlog-flush-completion";
            }
        };
    }
}
