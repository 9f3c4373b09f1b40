package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendResult;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * SYNC_FLUSH with group commit. The appender registers each append as a {@link PendingAppend}
 * (end offset + future) and wakes this agent; one step forces up to the newest waiter's end (one
 * force for every waiter at that moment, including those that arrived while the previous force ran) and completes,
 * in log order, every waiter the force covered. No thread waits per request: callers hold futures.
 *
 * <p>Thread-safety: {@link #complete} is called by the appender under its lock; {@link #doWork()} by
 * the single flush thread.
 */
public final class SyncFlushAgent implements Agent, AppendCompletion {
    private final FlushWaiters waiters;
    private final LogFlusher flusher;
    private final Clock clock;
    private final long timeoutMs;
    private volatile Runnable wakeUp = () -> {};
    private volatile long latestEndOffset;

    public SyncFlushAgent(LogFlusher flusher, Clock clock, long timeoutMs) {
        this.waiters = new FlushWaiters();
        this.flusher = flusher;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    /** What to call after registering a waiter (the runner's wake-up). */
    public void wakeUpWith(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    @Override
    public CompletableFuture<AppendResult> complete(AppendResult result, long endOffset) {
        PendingAppend pending = new PendingAppend(result, endOffset, clock.millis() + timeoutMs);
        latestEndOffset = endOffset;
        waiters.add(pending);
        wakeUp.run();
        return pending;
    }

    @Override
    public int doWork() {
        if (waiters.isEmpty()) {
            return 0;
        }
        long flushed = flusher.flush(latestEndOffset);
        return 1 + waiters.completeFlushed(flushed);
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

    /** The watchdog that times waiters out while a force is slow; runs on its own thread. */
    public Agent timeoutAgent() {
        return new Agent() {
            @Override
            public int doWork() {
                return expire();
            }

            @Override
            public String roleName() {
                return "commitlog-flush-timeout";
            }
        };
    }
}
