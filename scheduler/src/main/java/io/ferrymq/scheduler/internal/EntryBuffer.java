package io.ferrymq.scheduler.internal;

/**
 * A many-producer buffer of four-long records, drained in batches by one consumer: append
 * completions and cancellations report settled timers through it, refused appends their retries.
 * A short lock per add and per drain; no object per record.
 *
 * <p>Thread-safe.
 */
public final class EntryBuffer {
    /** Receives drained records. */
    @FunctionalInterface
    public interface Consumer {
        void accept(long a, long b, long c, long d);
    }

    private static final int STRIDE = 4;

    private long[] filling = new long[256 * STRIDE];
    private long[] draining = new long[256 * STRIDE];
    private int size;

    /** Adds a record; true when the buffer was empty before (the consumer may need a wake-up). */
    public synchronized boolean add(long a, long b, long c, long d) {
        int at = size * STRIDE;
        if (at == filling.length) {
            long[] grown = new long[filling.length * 2];
            System.arraycopy(filling, 0, grown, 0, at);
            filling = grown;
        }
        filling[at] = a;
        filling[at + 1] = b;
        filling[at + 2] = c;
        filling[at + 3] = d;
        size++;
        return size == 1;
    }

    public synchronized int size() {
        return size;
    }

    /** Hands every record added so far to {@code consumer}, outside the lock; returns how many. */
    public int drain(Consumer consumer) {
        long[] records;
        int count;
        synchronized (this) {
            count = size;
            if (count == 0) {
                return 0;
            }
            records = filling;
            filling = draining;
            draining = null;
            size = 0;
        }
        for (int i = 0, at = 0; i < count; i++, at += STRIDE) {
            consumer.accept(records[at], records[at + 1], records[at + 2], records[at + 3]);
        }
        synchronized (this) {
            draining = records;
        }
        return count;
    }
}
