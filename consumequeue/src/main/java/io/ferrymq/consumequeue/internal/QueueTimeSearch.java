package io.ferrymq.consumequeue.internal;

import io.ferrymq.consumequeue.BoundaryType;

/**
 * Binary search of a {@link ConsumeQueue} by store time (wire-protocol §4.5). Store times are read
 * from the commit log through a {@link StoreTimeReader}; an entry whose record is gone counts as older
 * than any timestamp, which keeps the predicate monotonic while retention trims the head.
 *
 * <p>Stateless; safe from any thread.
 */
final class QueueTimeSearch {
    private QueueTimeSearch() {}

    /**
     * LOWER: the first offset stored at or after {@code timestampMs}; UPPER: the last one stored at or
     * before it. Whatever the boundary, max when every message is older, min when every one is newer.
     */
    static long search(ConsumeQueue queue, long timestampMs, BoundaryType boundary, StoreTimeReader reader) {
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (min >= max) {
            return max;
        }
        QueueEntry entry = new QueueEntry();
        if (storeTime(queue, max - 1, entry, reader) < timestampMs) {
            return max;
        }
        if (storeTime(queue, min, entry, reader) > timestampMs) {
            return min;
        }
        if (boundary == BoundaryType.LOWER) {
            return firstAtOrAfter(queue, min, max, timestampMs, entry, reader);
        }
        return firstAfter(queue, min, max, timestampMs, entry, reader) - 1;
    }

    private static long firstAtOrAfter(
            ConsumeQueue queue, long low, long high, long timestampMs, QueueEntry entry, StoreTimeReader reader) {
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (storeTime(queue, mid, entry, reader) >= timestampMs) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static long firstAfter(
            ConsumeQueue queue, long low, long high, long timestampMs, QueueEntry entry, StoreTimeReader reader) {
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (storeTime(queue, mid, entry, reader) > timestampMs) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static long storeTime(ConsumeQueue queue, long offset, QueueEntry entry, StoreTimeReader reader) {
        if (!queue.read(offset, entry)) {
            return Long.MIN_VALUE;
        }
        long time = reader.storeTimeMs(entry.physicalOffset(), entry.size());
        return time < 0 ? Long.MIN_VALUE : time;
    }
}
