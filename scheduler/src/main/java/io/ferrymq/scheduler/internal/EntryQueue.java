package io.ferrymq.scheduler.internal;

/**
 * A first-in first-out queue of timer entries (deliver-at ms, commit-log offset, record size) in one
 * {@code long[]}, taken from the head by a cursor: no object per entry, no copy per take.
 *
 * <p>Not thread-safe: owned by one thread.
 */
public final class EntryQueue implements DueSink {
    private static final int STRIDE = 3;

    private long[] data = new long[64 * STRIDE];
    private int head;
    private int tail;

    @Override
    public void onDue(long deliverAtMs, long offset, int size) {
        add(deliverAtMs, offset, size);
    }

    public void add(long deliverAtMs, long offset, int size) {
        if (tail == data.length) {
            makeRoom();
        }
        data[tail] = deliverAtMs;
        data[tail + 1] = offset;
        data[tail + 2] = size;
        tail += STRIDE;
    }

    private void makeRoom() {
        int used = tail - head;
        long[] target = used * 2 > data.length ? new long[data.length * 2] : data;
        System.arraycopy(data, head, target, 0, used);
        data = target;
        head = 0;
        tail = used;
    }

    public int size() {
        return (tail - head) / STRIDE;
    }

    public boolean isEmpty() {
        return head == tail;
    }

    public long headDeliverAtMs() {
        return data[head];
    }

    public long headOffset() {
        return data[head + 1];
    }

    public int headSize() {
        return (int) data[head + 2];
    }

    /** Drops the head entry. */
    public void poll() {
        head += STRIDE;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** Removes the entry (deliverAtMs, offset) wherever it is; false if absent. */
    public boolean remove(long deliverAtMs, long offset) {
        for (int at = head; at < tail; at += STRIDE) {
            if (data[at + 1] == offset && data[at] == deliverAtMs) {
                System.arraycopy(data, at + STRIDE, data, at, tail - at - STRIDE);
                tail -= STRIDE;
                if (head == tail) {
                    head = 0;
                    tail = 0;
                }
                return true;
            }
        }
        return false;
    }
}
