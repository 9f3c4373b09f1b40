package io.ferrymq.scheduler.internal;

/**
 * A durable promise that no timer due at or after the fence has ever been handed to the store. The
 * driver moves it past a timer (by {@code stepMs}, so one write covers many) before appending that
 * timer's message; after a crash, only timers due before the fence read at start can have been
 * delivered without being settled, so only they need the duplicate check.
 *
 * <p>Owned by the driver thread.
 */
final class FireFence {
    private final TimerIndex index;
    private final long stepMs;
    private final long checkBelowMs;
    private long fenceMs;

    FireFence(TimerIndex index, long stepMs) {
        this.index = index;
        this.stepMs = stepMs;
        this.fenceMs = index.fence();
        this.checkBelowMs = fenceMs;
    }

    /** Makes sure the fence lies past {@code deliverAtMs}; call before appending that timer's message. */
    void cover(long deliverAtMs) {
        if (deliverAtMs >= fenceMs) {
            fenceMs = deliverAtMs + stepMs;
            index.writeFence(fenceMs);
        }
    }

    /** Whether an earlier run may have delivered a timer due at {@code deliverAtMs}. */
    boolean mayHaveFired(long deliverAtMs) {
        return deliverAtMs < checkBelowMs;
    }
}
