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
        dropAfterGap(found.afterGap());
        Segment first = segments.first();
        if (first == null) {
            return 0;
        }
        long start = startOffset(first, checkpointOffset, found.firstResized());
        RecordWalker.Stop stop = walker.walk(start);
        long dropped = dropAfter(stop.offset());
        Segment last = segments.find(stop.offset());
        if (last != null && (crashed || stop.defect() != null || found.firstResized() >= 0)) {
            dropped += TailScrubber.scrub(last, (int) (stop.offset() - last.startOffset()));
        }
        report(start, stop, dropped, crashed);
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

    private void dropAfterGap(List<Path> afterGap) throws IOException {
        for (Path file : afterGap) {
            LOG.warn("segment {} follows a missing segment: deleted (the log ends at the gap)", file);
            directory.delete(file);
        }
    }

    /** Deletes every segment that starts after {@code end}; returns their bytes. */
    private long dropAfter(long end) throws IOException {
        long dropped = 0;
        while (segments.last() != null && segments.last().startOffset() > end) {
            Segment segment = segments.removeLast();
            Unmapper.instance().unmap(segment.mapped());
            directory.delete(segment.path());
            dropped += segment.sizeBytes();
            LOG.warn("segment {} lies after the end of the log at {}: deleted", segment.path(), end);
        }
        return dropped;
    }

    private static void report(long start, RecordWalker.Stop stop, long dropped, boolean crashed) {
        if (stop.defect() != null || dropped > 0) {
            LOG.warn(
                    "recovery: log ends at offset {}: dropped {} bytes from there ({}); kept {} records scanned from {}",
                    stop.offset(),
                    dropped,
                    stop.defect() == null ? "unflushed tail" : stop.defect(),
                    stop.records(),
                    start);
        } else if (crashed || stop.records() > 0) {
            LOG.info(
                    "recovery: log ends at offset {} ({} records after the checkpoint at {} validated)",
                    stop.offset(),
                    stop.records(),
                    start);
        }
    }
}
