package io.ferrymq.scheduler.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The single-producer single-consumer ring that carries timer entries (deliver-at, offset, size)
 * from the index agent to the wheel driver, as primitives in one {@code long[]}. Bounded: the
 * producer asks {@link #free()} before it reads entries it may have to hand over.
 *
 * <p>Thread-safe for exactly one producer thread and one consumer thread.
 */
public final class Handoff {
    private static final int STRIDE = 3;

    private final long[] ring;
    private final int capacity;
    private final int mask;
    /** Entries taken; written by the consumer. */
    private final AtomicLong head = new AtomicLong();
    /** Entries offered; written by the producer. */
    private final AtomicLong tail = new AtomicLong();

    /** @param capacity a power of two */
    public Handoff(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("handoff capacity must be a power of two, was " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.ring = new long[capacity * STRIDE];
    }

    /** Room left for the producer. */
    public int free() {
        return capacity - (int) (tail.get() - head.get());
    }

    /** Producer: adds an entry; false when full. */
    public boolean offer(long deliverAtMs, long offset, int size) {
        long t = tail.get();
        if (t - head.get() == capacity) {
            return false;
        }
        int at = (int) (t & mask) * STRIDE;
        ring[at] = deliverAtMs;
        ring[at + 1] = offset;
        ring[at + 2] = size;
        tail.lazySet(t + 1);
        return true;
    }

    /** Consumer: hands every entry present to {@code sink}; returns how many. */
    public int drain(DueSink sink) {
        long h = head.get();
        long t = tail.get();
        for (long i = h; i < t; i++) {
            int at = (int) (i & mask) * STRIDE;
            sink.onDue(ring[at], ring[at + 1], (int) ring[at + 2]);
        }
        if (t > h) {
            head.lazySet(t);
        }
        return (int) (t - h);
    }
}
