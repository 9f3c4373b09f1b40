package io.ferrymq.scheduler.internal;

/**
 * Reads the index ahead of time into the wheels: when less than half of the load window lies ahead
 * of the boundary, hands over the entries from the boundary up to now + window, a batch per step and
 * within the wheels' cap, then moves the boundary past them.
 *
 * <p>Runs on the index agent's thread only.
 */
final class WindowLoader implements EntryVisitor {
    private final TimerIndex index;
    private final LoadWindow window;
    private final long windowMs;
    private final int batchSize;
    private long lastMs;
    private long lastOffset;

    WindowLoader(TimerIndex index, LoadWindow window, long windowMs, int batchSize) {
        this.index = index;
        this.window = window;
        this.windowMs = windowMs;
        this.batchSize = batchSize;
    }

    /** Loads up to one batch; returns 1 when it moved the window. */
    int step(long nowMs) {
        if (window.retractIfFull() || window.boundaryMs() >= nowMs + windowMs / 2) {
            return 0;
        }
        int limit = Math.min(window.room(), batchSize);
        if (limit == 0) {
            return 0;
        }
        long target = nowMs + windowMs;
        int visited = index.scan(window.boundaryMs(), window.boundaryOffset(), target, limit, this);
        if (visited < limit) {
            window.extendTo(target, 0);
        } else {
            window.extendTo(lastMs, lastOffset + 1);
        }
        return 1;
    }

    @Override
    public void visit(long deliverAtMs, long offset, int size, long queueOffset) {
        window.handOver(deliverAtMs, offset, size);
        lastMs = deliverAtMs;
        lastOffset = offset;
    }
}
