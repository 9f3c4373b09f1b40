package io.ferrymq.scheduler.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late timers were delivered (append completion time minus deliver-at), since start: one bucket
 * per millisecond up to {@value #FINE_MS} ms, then 100 ms buckets up to {@value #COARSE_MS} ms, then
 * one bucket for the rest; the maximum exactly. Percentiles are the upper bound of the bucket that
 * holds them, so exact to the millisecond below one second.
 *
 * <p>One writer (the index agent); readers on any thread.
 */
public final class LatenessHistogram {
    static final int FINE_MS = 1000;
    static final int COARSE_MS = 10_000;
    private static final int COARSE_STEP_MS = 100;
    private static final int BUCKETS = FINE_MS + 1 + (COARSE_MS - FINE_MS) / COARSE_STEP_MS + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong maxMs = new AtomicLong();

    public void record(long latenessMs) {
        long lateness = Math.max(0, latenessMs);
        int bucket = bucketOf(lateness);
        counts.lazySet(bucket, counts.get(bucket) + 1);
        total.lazySet(total.get() + 1);
        if (lateness > maxMs.get()) {
            maxMs.lazySet(lateness);
        }
    }

    private static int bucketOf(long lateness) {
        if (lateness <= FINE_MS) {
            return (int) lateness;
        }
        if (lateness <= COARSE_MS) {
            return FINE_MS + (int) ((lateness - FINE_MS + COARSE_STEP_MS - 1) / COARSE_STEP_MS);
        }
        return BUCKETS - 1;
    }

    private static long upperBoundMs(int bucket) {
        if (bucket <= FINE_MS) {
            return bucket;
        }
        return bucket == BUCKETS - 1 ? Long.MAX_VALUE : FINE_MS + (long) (bucket - FINE_MS) * COARSE_STEP_MS;
    }

    public long count() {
        return total.get();
    }

    public long maxMs() {
        return maxMs.get();
    }

    /** Timers delivered at most {@code ms} late (an exact bucket bound: {@code ms} ≤ 1000 or a multiple of 100). */
    public long countAtMost(long ms) {
        long sum = 0;
        for (int bucket = 0; bucket < BUCKETS && upperBoundMs(bucket) <= ms; bucket++) {
            sum += counts.get(bucket);
        }
        return sum;
    }

    /** The lateness at the given quantile (0..1), or 0 with no data; the max when it falls in the last bucket. */
    public long percentileMs(double quantile) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * n));
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts.get(bucket);
            if (seen >= rank) {
                return Math.min(upperBoundMs(bucket), maxMs.get());
            }
        }
        return maxMs.get();
    }
}
