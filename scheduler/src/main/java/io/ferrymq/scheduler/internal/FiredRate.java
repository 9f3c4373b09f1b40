package io.ferrymq.scheduler.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Timers fired per second over the last {@value #WINDOW_SECONDS} whole seconds, from one counter per
 * second in a small ring.
 *
 * <p>One writer (the index agent); readers on any thread (a reading may mix two adjacent updates).
 */
public final class FiredRate {
    static final int WINDOW_SECONDS = 5;
    private static final int RING = 8;

    private final AtomicLongArray seconds = new AtomicLongArray(RING);
    private final AtomicLongArray counts = new AtomicLongArray(RING);

    public FiredRate() {
        for (int i = 0; i < RING; i++) {
            seconds.set(i, -1);
        }
    }

    public void record(long atMs) {
        long second = Math.floorDiv(atMs, 1000);
        int slot = (int) Math.floorMod(second, RING);
        if (seconds.get(slot) != second) {
            counts.set(slot, 0);
            seconds.set(slot, second);
        }
        counts.lazySet(slot, counts.get(slot) + 1);
    }

    /** Mean per second over the whole seconds [now - 5 s, now). */
    public double perSecond(long nowMs) {
        long current = Math.floorDiv(nowMs, 1000);
        long sum = 0;
        for (long second = current - WINDOW_SECONDS; second < current; second++) {
            int slot = (int) Math.floorMod(second, RING);
            if (seconds.get(slot) == second) {
                sum += counts.get(slot);
            }
        }
        return sum / (double) WINDOW_SECONDS;
    }
}
