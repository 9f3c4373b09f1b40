package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the message records of the commit log in order, one segment view at a time: a blank record
 * sends it to the next segment, a position below the log's min offset (deleted by retention) to the
 * min offset. Allocates one read-only view per segment visited, nothing per record.
 *
 * <p>Not thread-safe (it reuses one {@link StoredRecord}); one per scanning thread.
 */
final class LogScanner {
    private static final Logger LOG = LoggerFactory.getLogger(LogScanner.class);

    private final CommitLog log;
    private final StoredRecord record = new StoredRecord();

    LogScanner(CommitLog log) {
        this.log = log;
    }

    /**
     * Visits records starting at {@code from} (a record boundary) and ending at or before {@code to},
     * at most {@code maxRecords}. Returns the boundary reached: where the next scan starts.
     */
    long scan(long from, long to, int maxRecords, RecordVisitor visitor) {
        long position = from;
        int visited = 0;
        while (position < to && visited < maxRecords) {
            if (position < log.minOffset()) {
                position = log.minOffset();
                continue;
            }
            ByteBuffer view = log.sliceToSegmentEnd(position);
            if (view == null) {
                break;
            }
            int limit = (int) Math.min(view.limit(), to - position);
            int at = 0;
            boolean nextSegment = false;
            while (at < limit && visited < maxRecords) {
                if (limit - at < MessageRecordLayout.BLANK_MIN_SIZE) {
                    // a sliver too small for any record: only the end of a segment looks like this
                    nextSegment = position + view.limit() == nextSegmentStart(position);
                    break;
                }
                if (record.wrap(view, at).isBlank()) {
                    nextSegment = true;
                    break;
                }
                int size = record.totalSize();
                if (size < MessageRecordLayout.MIN_RECORD_SIZE || at + size > limit) {
                    LOG.error(
                            "unreadable record at commit-log offset {} (size {}); dispatch stops there",
                            position + at,
                            size);
                    return position + at;
                }
                visitor.visit(record, position + at);
                at += size;
                visited++;
            }
            position = nextSegment ? nextSegmentStart(position) : position + at;
            if (!nextSegment && at == 0) {
                break;
            }
        }
        return position;
    }

    private long nextSegmentStart(long position) {
        long segment = log.segmentSizeBytes();
        return (position / segment + 1) * segment;
    }
}
