package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.agent.Agent;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * ASYNC_FLUSH: forces whatever was written since the last force, every {@code flushIntervalMs} by the
 * injected clock. Appends complete as soon as their bytes are in the mapped file.
 *
 * <p>Thread-safety: {@link #doWork()} is called by one thread (its runner, or a test).
 */
public final class AsyncFlushAgent implements Agent {
    private final LogFlusher flusher;
    private final Clock clock;
    private final long flushIntervalMs;
    private final LongSupplier writtenOffset;
    private long nextFlushMs;

    public AsyncFlushAgent(LogFlusher flusher, Clock clock, long flushIntervalMs, LongSupplier writtenOffset) {
        this.flusher = flusher;
        this.clock = clock;
        this.flushIntervalMs = flushIntervalMs;
        this.writtenOffset = writtenOffset;
        this.nextFlushMs = clock.millis() + flushIntervalMs;
    }

    @Override
    public int doWork() {
        long now = clock.millis();
        if (now < nextFlushMs) {
            return 0;
        }
        nextFlushMs = now + flushIntervalMs;
        if (writtenOffset.getAsLong() <= flusher.flushedOffset()) {
            return 0;
        }
        flusher.flush(writtenOffset.getAsLong());
        return 1;
    }

    @Override
    public String roleName() {
        return "commitlog-async-flush";
    }
}
