package io.ferrymq.consumequeue.internal;

import io.ferrymq.consumequeue.BoundaryType;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The index of one (topic, queueId): entry {@code n} locates the queue's {@code n}-th message in the
 * commit log. Entries live in {@link ConsumeQueueSegment}s of a fixed number of slots. {@link
 * #minOffset()} is the first entry still readable (retention moves it), {@link #maxOffset()} the next
 * one to be written, i.e. the dispatched count.
 *
 * <p>Single writer: only the dispatcher (or recovery, before the store opens) appends, truncates or
 * forgets. Reads are safe from any thread: the writer publishes segments and then the max offset
 * through volatile fields, so a reader that sees an offset below max sees its entry.
 */
public final class ConsumeQueue {
    private static final ConsumeQueueSegment[] NONE = new ConsumeQueueSegment[0];

    private final String topic;
    private final int queueId;
    private final Path dir;
    private final int entriesPerFile;
    private volatile ConsumeQueueSegment[] segments;
    private volatile long minOffset;
    private volatile long maxOffset;
    private long writtenMin;
    private long writtenMax;
    private long flushedOffset;
    /** The max offset last written to the {@link QueueManifest}; dispatcher thread only. */
    long manifestMax = -1;

    ConsumeQueue(String topic, int queueId, Path dir, int entriesPerFile) {
        this(topic, queueId, dir, entriesPerFile, NONE, 0, 0);
    }

    ConsumeQueue(
            String topic,
            int queueId,
            Path dir,
            int entriesPerFile,
            ConsumeQueueSegment[] segments,
            long minOffset,
            long maxOffset) {
        this.topic = topic;
        this.queueId = queueId;
        this.dir = dir;
        this.entriesPerFile = entriesPerFile;
        this.segments = segments;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
        this.writtenMin = minOffset;
        this.writtenMax = maxOffset;
        this.flushedOffset = maxOffset;
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    public long minOffset() {
        return minOffset;
    }

    public long maxOffset() {
        return maxOffset;
    }

    Path dir() {
        return dir;
    }

    /**
     * Fills {@code into} with entry {@code queueOffset}; false when it is outside [min, max) or its slot
     * was never written.
     */
    public boolean read(long queueOffset, QueueEntry into) {
        long max = maxOffset;
        if (queueOffset < minOffset || queueOffset >= max) {
            return false;
        }
        ConsumeQueueSegment segment = segmentFor(segments, queueOffset);
        if (segment == null) {
            return false;
        }
        int slot = segment.slot(queueOffset);
        into.physicalOffset = ConsumeQueueLayout.physicalOffset(segment.buffer(), slot);
        into.size = ConsumeQueueLayout.size(segment.buffer(), slot);
        into.tagsHash = ConsumeQueueLayout.tagsHash(segment.buffer(), slot);
        return into.size > 0;
    }

    /**
     * Writes the entry of queue offset {@code queueOffset}; readers see it after {@link #publish()}. An
     * offset below the written max is already indexed (re-dispatch after recovery) and is skipped; one
     * past it leaves unwritten slots (logged by the caller). Returns true when written.
     */
    boolean append(long queueOffset, long physicalOffset, int size, long tagsHash) {
        long max = writtenMax;
        if (queueOffset < max) {
            return false;
        }
        ConsumeQueueSegment segment = segmentFor(segments, queueOffset);
        if (segment == null) {
            segment = addSegment(queueOffset);
        }
        segment.write(queueOffset, physicalOffset, size, tagsHash);
        if (writtenMin == max) {
            writtenMin = queueOffset;
        }
        writtenMax = queueOffset + 1;
        return true;
    }

    /** Makes every appended entry visible to readers. Writer thread only. */
    void publish() {
        maxOffset = writtenMax;
        minOffset = writtenMin;
    }

    private void syncWritten() {
        writtenMin = minOffset;
        writtenMax = maxOffset;
    }

    /** The max offset including entries appended but not yet published. Writer thread only. */
    long writtenMaxOffset() {
        return writtenMax;
    }

    private ConsumeQueueSegment addSegment(long queueOffset) {
        ConsumeQueueSegment[] current = segments;
        long lastEnd = current.length == 0 ? -1 : current[current.length - 1].endOffset();
        boolean empty = writtenMin == writtenMax;
        if (lastEnd < 0 || queueOffset < current[0].firstOffset() || (empty && queueOffset >= lastEnd)) {
            // nothing readable is kept: start afresh at the segment holding queueOffset
            for (ConsumeQueueSegment old : current) {
                old.delete();
            }
            current = NONE;
            lastEnd = queueOffset - queueOffset % entriesPerFile;
        }
        ConsumeQueueSegment[] next = current;
        while (segmentFor(next, queueOffset) == null) {
            next = Arrays.copyOf(next, next.length + 1);
            next[next.length - 1] = ConsumeQueueSegment.open(dir, lastEnd, entriesPerFile);
            lastEnd += entriesPerFile;
        }
        segments = next;
        return next[next.length - 1];
    }

    /** The first offset in [min, max) whose entry points at or past {@code physicalOffset}, else max. */
    long firstOffsetAtOrAfter(long physicalOffset) {
        QueueEntry entry = new QueueEntry();
        long low = minOffset;
        long high = maxOffset;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (read(mid, entry) && entry.physicalOffset >= physicalOffset) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Drops every entry pointing at or past {@code physicalOffset}. Returns how many were dropped. */
    long truncateFrom(long physicalOffset) {
        publish();
        long cut = firstOffsetAtOrAfter(physicalOffset);
        long oldMax = maxOffset;
        long dropped = oldMax - cut;
        if (dropped == 0) {
            return 0;
        }
        maxOffset = cut;
        if (minOffset > cut) {
            minOffset = cut;
        }
        ConsumeQueueSegment[] current = segments;
        int keep = 0;
        for (ConsumeQueueSegment segment : current) {
            if (segment.firstOffset() < cut) {
                segment.clear(cut, oldMax);
                keep++;
            } else {
                segment.delete();
            }
        }
        segments = Arrays.copyOf(current, keep);
        flushedOffset = Math.min(flushedOffset, cut);
        forceAll();
        syncWritten();
        return dropped;
    }

    /**
     * Forgets entries pointing below {@code logMinOffset} (their records were deleted by retention):
     * min moves up, and files wholly below it are deleted. Returns the new min offset.
     */
    long forgetBelow(long logMinOffset) {
        publish();
        long newMin = firstOffsetAtOrAfter(logMinOffset);
        if (newMin <= minOffset) {
            return minOffset;
        }
        minOffset = newMin;
        ConsumeQueueSegment[] current = segments;
        int drop = 0;
        while (drop < current.length && current[drop].endOffset() <= newMin && current[drop].endOffset() < maxOffset) {
            current[drop].delete();
            drop++;
        }
        if (drop > 0) {
            segments = Arrays.copyOfRange(current, drop, current.length);
        }
        syncWritten();
        return newMin;
    }

    /**
     * The queue offset for a store time: LOWER gives the first offset whose message was stored at or
     * after {@code timestampMs}, UPPER the last one stored at or before it. When every message is older
     * the answer is max; when every message is newer, min.
     */
    public long offsetByTime(long timestampMs, BoundaryType boundary, StoreTimeReader reader) {
        return QueueTimeSearch.search(this, timestampMs, boundary, reader);
    }

    /** Forces entries written since the last flush to disk. Writer thread only. */
    void flush() {
        long max = maxOffset;
        if (flushedOffset >= max) {
            return;
        }
        for (ConsumeQueueSegment segment : segments) {
            if (segment.endOffset() > flushedOffset) {
                segment.force();
            }
        }
        flushedOffset = max;
    }

    private void forceAll() {
        for (ConsumeQueueSegment segment : segments) {
            segment.force();
        }
    }

    /** Makes an empty queue start at {@code offset} (its records are gone from the log). Writer only. */
    void resetEmptyAt(long offset) {
        deleteAll();
        minOffset = offset;
        maxOffset = offset;
        flushedOffset = offset;
        syncWritten();
    }

    /** Deletes every file of this queue (before a rebuild). Writer thread only. */
    void deleteAll() {
        for (ConsumeQueueSegment segment : segments) {
            segment.delete();
        }
        segments = NONE;
        minOffset = 0;
        maxOffset = 0;
        flushedOffset = 0;
        syncWritten();
    }

    private static ConsumeQueueSegment segmentFor(ConsumeQueueSegment[] all, long queueOffset) {
        if (all.length == 0) {
            return null;
        }
        ConsumeQueueSegment first = all[0];
        if (queueOffset < first.firstOffset()) {
            return null;
        }
        long capacity = first.endOffset() - first.firstOffset();
        long index = (queueOffset - first.firstOffset()) / capacity;
        return index < all.length ? all[(int) index] : null;
    }
}
