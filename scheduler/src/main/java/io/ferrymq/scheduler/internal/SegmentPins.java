package io.ferrymq.scheduler.internal;

import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.WriteBatch;

/**
 * How many pending timers have their parked record in each commit-log segment, kept durably (meta
 * records {@code 0xFF 's' segment}). The first segment with a pending timer is the retention floor:
 * deleting it or a later segment would lose a timer's payload.
 *
 * <p>One writer (the index agent); {@link #floorOffset()} is safe from any thread.
 */
public final class SegmentPins {
    private final long segmentBytes;
    private final TreeMap<Long, Long> counts;
    private final TreeMap<Long, Long> dirty = new TreeMap<>();
    private volatile long floorOffset;
    /** Changes to one segment are summed here first: a batch's records mostly share a segment. */
    private long pendingSegment = -1;

    private long pendingDelta;

    private SegmentPins(long segmentBytes, TreeMap<Long, Long> counts) {
        this.segmentBytes = segmentBytes;
        this.counts = counts;
        counts.values().removeIf(count -> count <= 0);
        publish();
    }

    public static SegmentPins load(TimerIndex index, long segmentBytes) {
        return new SegmentPins(segmentBytes, index.metaRecords(TimerIndexLayout.SEGMENT_TAG));
    }

    public void pin(long offset) {
        accumulate(offset / segmentBytes, 1);
    }

    public void unpin(long offset) {
        accumulate(offset / segmentBytes, -1);
    }

    private void accumulate(long segment, long delta) {
        if (segment != pendingSegment) {
            flushPending();
            pendingSegment = segment;
        }
        pendingDelta += delta;
    }

    private void flushPending() {
        if (pendingSegment >= 0 && pendingDelta != 0) {
            change(pendingSegment, pendingDelta);
        }
        pendingSegment = -1;
        pendingDelta = 0;
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

    public void writeTo(TimerIndex index, WriteBatch batch) {
        flushPending();
        for (Map.Entry<Long, Long> change : dirty.entrySet()) {
            byte[] key = TimerIndexLayout.metaKey(TimerIndexLayout.SEGMENT_TAG, change.getKey());
            if (change.getValue() > 0) {
                index.putLong(batch, key, change.getValue());
            } else {
                index.delete(batch, key);
            }
        }
    }

    public void publish() {
        dirty.clear();
        floorOffset = counts.isEmpty() ? Long.MAX_VALUE : counts.firstKey() * segmentBytes;
    }

    /** The start of the first segment holding a pending timer's record; MAX_VALUE when none. */
    public long floorOffset() {
        return floorOffset;
    }
}
