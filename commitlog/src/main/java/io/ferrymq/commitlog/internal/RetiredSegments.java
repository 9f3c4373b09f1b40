package io.ferrymq.commitlog.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Deleted segments whose mappings are released only after a grace period, because a reader (a pull
 * being sent, the dispatcher) may still hold a slice of one, and touching an unmapped buffer crashes
 * the JVM. The file is already gone; only the mapping lingers. A reader that keeps a slice longer
 * than the grace period is a bug in that reader.
 *
 * <p>The grace period is measured on a monotonic clock of its own, never the log's injected clock:
 * it protects memory, and a test (or a wall-clock jump) moving business time by hours must not
 * unmap a buffer a reader still holds.
 *
 * <p>Thread-safe: synchronised; used once per deleted segment.
 */
public final class RetiredSegments {
    /** Long enough for any read in flight (a pull send, a dispatch step) to have finished. */
    public static final long DEFAULT_GRACE_MS = 60_000;

    private record Retired(Segment segment, long unmapAtNs) {}

    private final ArrayDeque<Retired> queue = new ArrayDeque<>();
    private final long graceNs;
    private final LongSupplier monotonicNs;

    public RetiredSegments(long graceMs) {
        this(graceMs, System::nanoTime);
    }

    RetiredSegments(long graceMs, LongSupplier monotonicNs) {
        this.graceNs = TimeUnit.MILLISECONDS.toNanos(graceMs);
        this.monotonicNs = monotonicNs;
    }

    public synchronized void retire(Segment segment) {
        queue.addLast(new Retired(segment, monotonicNs.getAsLong() + graceNs));
    }

    /** Unmaps the segments whose grace period is over; returns how many. */
    public synchronized int unmapDue() {
        return unmapDue(monotonicNs.getAsLong(), false);
    }

    private int unmapDue(long nowNs, boolean all) {
        int count = 0;
        while (!queue.isEmpty() && (all || queue.peekFirst().unmapAtNs() - nowNs <= 0)) {
            Unmapper.instance().unmap(queue.pollFirst().segment().mapped());
            count++;
        }
        return count;
    }

    /** Unmaps all now (close, once readers are stopped). */
    public synchronized void unmapAll() {
        unmapDue(0, true);
    }

    public synchronized int pending() {
        return queue.size();
    }
}
