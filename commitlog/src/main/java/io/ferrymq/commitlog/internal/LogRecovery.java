package io.ferrymq.commitlog.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the log really ends when it is opened, and cuts what follows. The walk starts at the
 * checkpoint's flushed offset (everything before it was forced to disk), or at the oldest segment when
 * that is unknown or a segment file had the wrong size, and keeps every record after it that validates.
 * After a clean shutdown the walk finds zeros at the checkpoint at once: no scan. After a crash (or
 * when unsound bytes follow the end) the rest of that segment is scrubbed to zeros and later segments
 * are deleted; one WARN line says what was dropped and where.
 *
 * <p>Not thread-safe: runs once, before the log is shared.
 */
public final class LogRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private final SegmentList segments;
    private final SegmentDirectory directory;
    private final RecordWalker walker;

    public LogRecovery(SegmentList segments, SegmentDirectory directory, int maxRecordSize) {
        this.segments = segments;
        this.directory = directory;
        this.walker = new RecordWalker(segments, maxRecordSize);
    }

    /** Recovers the loaded segments; returns the written offset appends continue from. */
    public long recover(SegmentDirectory.Found found, long checkpointOffset, boolean crashed) throws IOException {
        int droppedSegments = dropAfterGap(found.afterGap());
        Segment first = segments.first();
        if (first == null) {
            return 0;
        }
        long start = startOffset(first, checkpointOffset, found.firstResized());
        RecordWalker.Stop stop = walker.walk(start);
        long droppedBytes = 0;
        while (segments.last() != null && segments.last().startOffset() > stop.offset()) {
            droppedBytes += dropLast();
            droppedSegments++;
        }
        Segment last = segments.find(stop.offset());
        if (last != null && (crashed || stop.defect() != null || found.firstResized() >= 0)) {
            droppedBytes += TailScrubber.scrub(last, (int) (stop.offset() - last.startOffset()));
        }
        report(start, stop, droppedBytes, droppedSegments, crashed);
        return stop.offset();
    }

    private long startOffset(Segment first, long checkpointOffset, long firstResized) {
        long start = checkpointOffset;
        if (start < first.startOffset() || start > segments.last().endOffset()) {
            start = first.startOffset();
        }
        if (firstResized >= 0 && firstResized < start) {
            start = firstResized;
        }
        return start;
    }

    private int dropAfterGap(List<Path> afterGap) throws IOException {
        if (!afterGap.isEmpty()) {
            LOG.warn(
                    "recovery: {} segment(s) from {} follow a missing segment: deleted, the log ends at the gap",
                    afterGap.size(),
                    afterGap.get(0));
        }
        for (Path file : afterGap) {
            directory.delete(file);
        }
        return afterGap.size();
    }

    /** Deletes the newest segment (it lies after the end of the log); returns its size. */
    private long dropLast() throws IOException {
        Segment segment = segments.removeLast();
        Unmapper.instance().unmap(segment.mapped());
        directory.delete(segment.path());
        return segment.sizeBytes();
    }

    private static void report(long start, RecordWalker.Stop stop, long bytes, int droppedSegments, boolean crashed) {
        if (stop.defect() != null || bytes > 0 || droppedSegments > 0) {
            LOG.warn(
                    "recovery: log ends at offset {} ({}): dropped {} bytes after it and {} later segment(s);"
                            + " kept {} records validated from offset {}",
                    stop.offset(),
                    stop.defect() == null ? "unwritten tail" : stop.defect(),
                    bytes,
                    droppedSegments,
                    stop.records(),
                    start);
        } else if (crashed || stop.records() > 0) {
            LOG.info(
                    "recovery: log ends at offset {} ({} records after offset {} validated)",
                    stop.offset(),
                    stop.records(),
                    start);
        }
    }
}
