package io.ferrymq.commitlog.internal;

import java.util.Arrays;

/**
 * The contiguous run of segments that make up the log, oldest first. Lookup by offset is O(1)
 * ({@code offset / segmentSize} minus the first segment's index) on an immutable snapshot read through
 * one volatile field, so readers take no lock. Changes (a new tail segment, dropping the oldest or the
 * newest) copy the small array; they happen once per segment, not per record.
 *
 * <p>Thread-safe: mutations are synchronised with each other; reads are lock-free.
 */
public final class SegmentList {
    private final int segmentSizeBytes;
    private volatile Table table;

    private record Table(long firstIndex, Segment[] segments) {}

    public SegmentList(int segmentSizeBytes) {
        this.segmentSizeBytes = segmentSizeBytes;
        this.table = new Table(0, new Segment[0]);
    }

    public int segmentSizeBytes() {
        return segmentSizeBytes;
    }

    /** The segment holding {@code offset}, or null when no segment of the log covers it. */
    public Segment find(long offset) {
        Table t = table;
        long index = offset / segmentSizeBytes - t.firstIndex;
        if (offset < 0 || index < 0 || index >= t.segments.length) {
            return null;
        }
        return t.segments[(int) index];
    }

    public Segment first() {
        Segment[] s = table.segments;
        return s.length == 0 ? null : s[0];
    }

    public Segment last() {
        Segment[] s = table.segments;
        return s.length == 0 ? null : s[s.length - 1];
    }

    public int size() {
        return table.segments.length;
    }

    /** A copy of the current segments, oldest first. */
    public Segment[] snapshot() {
        return table.segments.clone();
    }

    /** Appends the next segment; it must start where the last one ends. */
    public synchronized void addLast(Segment segment) {
        Table t = table;
        Segment last = t.segments.length == 0 ? null : t.segments[t.segments.length - 1];
        if (last != null && last.endOffset() != segment.startOffset()) {
            throw new IllegalStateException(
                    "segment " + segment + " does not follow " + last + " (gap or overlap in the log)");
        }
        Segment[] next = Arrays.copyOf(t.segments, t.segments.length + 1);
        next[t.segments.length] = segment;
        long firstIndex = last == null ? segment.startOffset() / segmentSizeBytes : t.firstIndex;
        table = new Table(firstIndex, next);
    }

    /** Drops the oldest segment if it is {@code expected} (retention); false when it is not. */
    public synchronized boolean removeFirst(Segment expected) {
        Table t = table;
        if (t.segments.length == 0 || t.segments[0] != expected) {
            return false;
        }
        table = new Table(t.firstIndex + 1, Arrays.copyOfRange(t.segments, 1, t.segments.length));
        return true;
    }

    /** Drops the newest segment (recovery discarding what follows a torn tail). */
    public synchronized Segment removeLast() {
        Table t = table;
        if (t.segments.length == 0) {
            return null;
        }
        Segment last = t.segments[t.segments.length - 1];
        table = new Table(t.firstIndex, Arrays.copyOf(t.segments, t.segments.length - 1));
        return last;
    }
}
