package io.ferrymq.transaction.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many unsettled halves have their record in each commit-log segment, kept durably ({@code 0xFF
 * 'g' segment} records). The first segment with one is the retention floor: deleting it or a later
 * segment would lose a half's payload.
 *
 * <p>One writer (the transaction agent); {@link #floorOffset()} is safe from any thread.
 */
public final class SegmentPins {
    private final long segmentBytes;
    private final TreeMap<Long, Long> counts;
    private final TreeMap<Long, Long> dirty = new TreeMap<>();
    private volatile long floorOffset;

    private SegmentPins(long segmentBytes, TreeMap<Long, Long> counts) {
        this.segmentBytes = segmentBytes;
        this.counts = counts;
        counts.values().removeIf(count -> count <= 0);
        publish();
    }

    public static SegmentPins load(TransactionIndex index, long segmentBytes) {
        return new SegmentPins(segmentBytes, index.segmentCounts());
    }

    public void pin(long offset) {
        change(offset / segmentBytes, 1);
    }

    public void unpin(long offset) {
        change(offset / segmentBytes, -1);
    }

    private void change(long segment, long delta) {
        long count = counts.getOrDefault(segment, 0L) + delta;
        if (count > 0) {
            counts.put(segment, count);
        } else {
            counts.remove(segment);
        }
        dirty.put(segment, Math.max(0, count));
    }

    /** Adds the changed segments to the index's batch. */
    public void writeTo(TransactionIndex index) {
        for (Map.Entry<Long, Long> change : dirty.entrySet()) {
            byte[] key = TransactionLayout.segmentKey(change.getKey());
            if (change.getValue() > 0) {
                index.putLong(key, change.getValue());
            } else {
                index.delete(key);
            }
        }
    }

    public void publish() {
        dirty.clear();
        floorOffset = counts.isEmpty() ? Long.MAX_VALUE : counts.firstKey() * segmentBytes;
    }

    /** Forgets unwritten changes (after a failed step) by reloading the durable counts. */
    public void reload(TransactionIndex index) {
        counts.clear();
        counts.putAll(index.segmentCounts());
        counts.values().removeIf(count -> count <= 0);
        publish();
    }

    /** The start of the first segment holding an unsettled half's record; MAX_VALUE when none. */
    public long floorOffset() {
        return floorOffset;
    }
}
