package io.ferrymq.scheduler.internal;

/**
 * A growable list of timer entries (deliver-at ms, commit-log offset, record size) kept as triples
 * in one {@code long[]}: no object per entry. Used for wheel slots and the driver's queues.
 *
 * <p>Not thread-safe: owned by one thread.
 */
public final class EntryArray {
    private static final long[] EMPTY = new long[0];
    private static final int STRIDE = 3;
    private static final int FIRST_CAPACITY = 4;
    /** A cleared array bigger than this many entries gives its memory back. */
    private static final int KEEP_CAPACITY = 4096;

    private long[] data = EMPTY;
    private int size;

    public void add(long deliverAtMs, long offset, int recordSize) {
        int at = size * STRIDE;
        if (at == data.length) {
            long[] grown = new long[Math.max(FIRST_CAPACITY * STRIDE, data.length * 2)];
            System.arraycopy(data, 0, grown, 0, data.length);
            data = grown;
        }
        data[at] = deliverAtMs;
        data[at + 1] = offset;
        data[at + 2] = recordSize;
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long deliverAtMs(int index) {
        return data[index * STRIDE];
    }

    public long offset(int index) {
        return data[index * STRIDE + 1];
    }

    public int recordSize(int index) {
        return (int) data[index * STRIDE + 2];
    }

    /** Index of the entry (deliverAtMs, offset), or -1. */
    public int indexOf(long deliverAtMs, long offset) {
        for (int i = 0, at = 0; i < size; i++, at += STRIDE) {
            if (data[at + 1] == offset && data[at] == deliverAtMs) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the entry at {@code index}, keeping the order of the rest. */
    public void removeAt(int index) {
        int at = index * STRIDE;
        System.arraycopy(data, at + STRIDE, data, at, (size - index - 1) * STRIDE);
        size--;
    }

    public boolean remove(long deliverAtMs, long offset) {
        int index = indexOf(deliverAtMs, offset);
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    /** Empties the list; a large backing array is released so a burst does not pin its memory. */
    public void clear() {
        size = 0;
        if (data.length > KEEP_CAPACITY * STRIDE) {
            data = EMPTY;
        }
    }

    /** Hands every entry to {@code sink} in order. */
    public void forEach(DueSink sink) {
        for (int i = 0, at = 0; i < size; i++, at += STRIDE) {
            sink.onDue(data[at], data[at + 1], (int) data[at + 2]);
        }
    }
}
