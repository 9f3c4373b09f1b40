package io.ferrymq.consumequeue.internal;

/**
 * A reusable holder for one consume-queue entry, filled by {@link ConsumeQueue#read}. Lets a pull
 * walk many entries without allocating. Not thread-safe: one per reading thread or request.
 */
public final class QueueEntry {
    long physicalOffset;
    int size;
    long tagsHash;

    public long physicalOffset() {
        return physicalOffset;
    }

    /** Record size in bytes; 0 for a slot that was never written. */
    public int size() {
        return size;
    }

    public long tagsHash() {
        return tagsHash;
    }
}
