package io.ferrymq.scheduler.internal;

import org.rocksdb.WriteBatch;

/**
 * The timer index's durable counters, kept in memory and written with the batch that changes them:
 * timers indexed and settled (pending = indexed - settled), and how they were settled.
 *
 * <p>One writer (the index agent); readers on any thread see each value as of some recent batch.
 */
public final class TimerCounters {
    private static final byte[] KINDS = {
        TimerIndexLayout.COUNTER_INDEXED,
        TimerIndexLayout.COUNTER_SETTLED,
        TimerIndexLayout.COUNTER_FIRED,
        TimerIndexLayout.COUNTER_CANCELLED,
        TimerIndexLayout.COUNTER_DEDUPLICATED,
        TimerIndexLayout.COUNTER_POSSIBLE_DUPLICATES,
        TimerIndexLayout.COUNTER_LOST
    };
    private static final int INDEXED = 0;
    private static final int SETTLED = 1;
    private static final int FIRED = 2;
    private static final int CANCELLED = 3;
    private static final int DEDUPLICATED = 4;
    private static final int POSSIBLE_DUPLICATES = 5;
    private static final int LOST = 6;

    private final byte[][] keys = new byte[KINDS.length][];
    private final long[] values = new long[KINDS.length];
    private volatile long[] published = new long[KINDS.length];
    private int dirty;

    public static TimerCounters load(TimerIndex index) {
        TimerCounters counters = new TimerCounters();
        for (int i = 0; i < KINDS.length; i++) {
            counters.keys[i] = TimerIndexLayout.counterKey(KINDS[i]);
            counters.values[i] = index.readLong(counters.keys[i], 0);
        }
        counters.published = counters.values.clone();
        return counters;
    }

    public void indexed() {
        bump(INDEXED);
    }

    /** One timer left the index in the given {@link Settle} way. */
    public void settled(int kind) {
        bump(SETTLED);
        switch (kind) {
            case Settle.FIRED -> bump(FIRED);
            case Settle.FIRED_UNCHECKED -> {
                bump(FIRED);
                bump(POSSIBLE_DUPLICATES);
            }
            case Settle.DEDUPLICATED -> bump(DEDUPLICATED);
            case Settle.CANCELLED -> bump(CANCELLED);
            default -> bump(LOST);
        }
    }

    /** A timer cancelled before it was indexed (it never counted as indexed). */
    public void cancelledBeforeIndexing() {
        bump(CANCELLED);
    }

    private void bump(int counter) {
        values[counter]++;
        dirty |= 1 << counter;
    }

    /** Adds the changed counters to {@code batch}. */
    public void writeTo(TimerIndex index, WriteBatch batch) {
        for (int i = 0; i < KINDS.length; i++) {
            if ((dirty & (1 << i)) != 0) {
                index.putLong(batch, keys[i], values[i]);
            }
        }
    }

    /** Makes the values readers see the ones just written. */
    public void publish() {
        if (dirty != 0) {
            published = values.clone();
            dirty = 0;
        }
    }

    public long pending() {
        long[] p = published;
        return p[INDEXED] - p[SETTLED];
    }

    public long fired() {
        return published[FIRED];
    }

    public long cancelled() {
        return published[CANCELLED];
    }

    public long deduplicated() {
        return published[DEDUPLICATED];
    }

    public long possibleDuplicates() {
        return published[POSSIBLE_DUPLICATES];
    }

    public long lost() {
        return published[LOST];
    }
}
