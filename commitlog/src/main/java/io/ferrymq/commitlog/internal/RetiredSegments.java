package io.ferrymq.commitlog.internal;

import java.util.ArrayDeque;

/**
 * Deleted segments whose mappings are released only after a grace period, because a reader (a pull
 * being sent, the dispatcher) may still hold a slice of one, and touching an unmapped buffer crashes
 * the JVM. The file is already gone; only the mapping lingers. A reader that keeps a slice longer
 * than the grace period is a bug in that reader.
 *
 * <p>Thread-safe: synchronised; used once per deleted segment.
 */
public final class RetiredSegments {
    /** Long enough for any read in flight (a pull send, a dispatch step) to have finished. */
    public static final long DEFAULT_GRACE_MS = 60_000;

    private record Retired(Segment segment, long unmapAtMs) {}

    private final ArrayDeque<Retired> queue = new ArrayDeque<>();
    private final long graceMs;

    public RetiredSegments(long graceMs) {
        this.graceMs = graceMs;
    }

    public synchronized void retire(Segment segment, long nowMs) {
        queue.addLast(new Retired(segment, nowMs + graceMs));
    }

    /** Unmaps the segments whose grace period is over; returns how many. */
    public synchronized int unmapDue(long nowMs) {
        int count = 0;
        while (!queue.isEmpty() && queue.peekFirst().unmapAtMs() <= nowMs) {
            Unmapper.instance().unmap(queue.pollFirst().segment().mapped());
            count++;
        }
        return count;
    }

    /** Unmaps all now (close, once readers are stopped). */
    public synchronized void unmapAll() {
        unmapDue(Long.MAX_VALUE);
    }

    public synchronized int pending() {
        return queue.size();
    }
}
