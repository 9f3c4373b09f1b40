package io.ferrymq.transaction.internal;

/**
 * The transaction state's durable counters and gauges, kept in memory and written with the batch
 * that changes them ({@code 0xFF 'c' kind} records).
 *
 * <p>One writer (the transaction agent) calls the changing methods, {@link #writeTo} and {@link
 * #publish}; readers on any thread see each value as of some recent batch.
 */
public final class TransactionCounters {
    static final byte[] KINDS = {'P', 'K', 'i', 'C', 'R', 'L', 'S', 'N', 'D'};
    private static final int PENDING = 0;
    private static final int PARKED = 1;
    private static final int INDEXED = 2;
    private static final int COMMITTED = 3;
    private static final int ROLLED_BACK = 4;
    private static final int LOST = 5;
    private static final int CHECKS_SENT = 6;
    private static final int CHECKS_SKIPPED = 7;
    private static final int DUPLICATES_AVOIDED = 8;

    private final byte[][] keys = new byte[KINDS.length][];
    private final long[] values = new long[KINDS.length];
    private volatile long[] published = new long[KINDS.length];
    private int dirty;

    public static TransactionCounters load(TransactionIndex index) {
        TransactionCounters counters = new TransactionCounters();
        for (int i = 0; i < KINDS.length; i++) {
            counters.keys[i] = TransactionLayout.counterKey(KINDS[i]);
            counters.values[i] = index.readLong(counters.keys[i], 0);
        }
        counters.published = counters.values.clone();
        return counters;
    }

    /** A half was indexed: one more pending. */
    public void addIndexed() {
        add(INDEXED, 1);
        add(PENDING, 1);
    }

    public void addParked() {
        add(PENDING, -1);
        add(PARKED, 1);
    }

    /** A half left the unsettled set, from {@code state}; {@code outcome} a {@code TransactionLayout.OUTCOME_*}. */
    public void settled(byte state, byte outcome) {
        add(state == HalfEntry.PARKED ? PARKED : PENDING, -1);
        switch (outcome) {
            case TransactionLayout.OUTCOME_COMMITTED -> add(COMMITTED, 1);
            case TransactionLayout.OUTCOME_ROLLED_BACK -> add(ROLLED_BACK, 1);
            default -> add(LOST, 1);
        }
    }

    public void checkSent() {
        add(CHECKS_SENT, 1);
    }

    public void checkSkipped() {
        add(CHECKS_SKIPPED, 1);
    }

    public void duplicateAvoided() {
        add(DUPLICATES_AVOIDED, 1);
    }

    private void add(int counter, long delta) {
        values[counter] += delta;
        dirty |= 1 << counter;
    }

    /** Adds the changed counters to the index's batch. */
    public void writeTo(TransactionIndex index) {
        for (int i = 0; i < KINDS.length; i++) {
            if ((dirty & (1 << i)) != 0) {
                index.putLong(keys[i], values[i]);
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

    /** Forgets unwritten changes (after a failed step): back to the last published values. */
    public void rollback() {
        if (dirty != 0) {
            System.arraycopy(published, 0, values, 0, values.length);
            dirty = 0;
        }
    }

    public long pending() {
        return published[PENDING];
    }

    public long parked() {
        return published[PARKED];
    }

    public long indexed() {
        return published[INDEXED];
    }

    public long committed() {
        return published[COMMITTED];
    }

    public long rolledBack() {
        return published[ROLLED_BACK];
    }

    public long lost() {
        return published[LOST];
    }

    public long checksSent() {
        return published[CHECKS_SENT];
    }

    public long checksSkipped() {
        return published[CHECKS_SKIPPED];
    }

    public long duplicatesAvoided() {
        return published[DUPLICATES_AVOIDED];
    }
}
