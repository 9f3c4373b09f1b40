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

    /**
     * @param timerTopicEmpty whether the timer topic has never held a record: with no fence either,
     *     nothing can have fired, and the fence starts at 0. With records but no fence, the index was
     *     lost and is being rebuilt from the topic, and any of its timers may have fired: all are checked.
     */
    FireFence(TimerIndex index, long stepMs, boolean timerTopicEmpty) {
        this.index = index;
        this.stepMs = stepMs;
        long durable = index.fence();
        if (durable < 0 && timerTopicEmpty) {
            index.writeFence(0);
            durable = 0;
        }
        this.fenceMs = Math.max(0, durable);
        this.checkBelowMs = durable < 0 ? Long.MAX_VALUE : durable;
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
