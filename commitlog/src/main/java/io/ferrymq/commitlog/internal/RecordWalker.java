package io.ferrymq.commitlog.internal;

import static io.ferrymq.protocol.message.MessageRecordLayout.BLANK_MIN_SIZE;
import static io.ferrymq.protocol.message.MessageRecordLayout.PHYSICAL_OFFSET_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.SYS_FLAG_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.storeTimestampOffset;

import io.ferrymq.protocol.message.RecordDefect;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * Walks records forward from a record boundary, validating each ({@link StoredRecord#validate}: magic,
 * size bounds, inner lengths, body CRC; plus the PHYSICALOFFSET field against where the record is),
 * jumping over blank records to the next segment, until the first zero or unsound record or the end
 * of the last segment. Notes each segment's last store time on the way.
 *
 * <p>Not thread-safe: used by recovery before the log is shared.
 */
final class RecordWalker {
    /** Where the walk stopped and why. {@code defect} is null for a clean end (zeros or end of log). */
    record Stop(long offset, long records, String defect) {}

    private final SegmentList segments;
    private final int maxRecordSize;

    RecordWalker(SegmentList segments, int maxRecordSize) {
        this.segments = segments;
        this.maxRecordSize = maxRecordSize;
    }

    Stop walk(long start) {
        long offset = start;
        long records = 0;
        while (true) {
            Segment segment = segments.find(offset);
            if (segment == null) {
                return new Stop(offset, records, null);
            }
            int position = (int) (offset - segment.startOffset());
            int result = check(segment, position);
            if (result == SEGMENT_END) {
                offset = segment.endOffset();
            } else if (result > 0) {
                noteStoreTime(segment, position);
                offset += result;
                records++;
            } else {
                return new Stop(offset, records, result == RecordDefect.EMPTY.code() ? null : describe(result));
            }
        }
    }

    private static final int SEGMENT_END = 0;
    private static final int PHYSICAL_OFFSET_MISMATCH = Integer.MIN_VALUE;
    private static final int BLANK_NOT_AT_END = Integer.MIN_VALUE + 1;

    /** A record's size, SEGMENT_END, or a negative defect code. */
    private int check(Segment segment, int position) {
        ByteBuffer view = segment.writeView();
        int size = segment.sizeBytes();
        int remaining = size - position;
        if (remaining < BLANK_MIN_SIZE) {
            // fewer than 8 bytes left: zero-filled by the appender when it rolled over
            int result = StoredRecord.validate(view, position, size, maxRecordSize);
            return result == RecordDefect.EMPTY.code() ? SEGMENT_END : result;
        }
        int result = StoredRecord.validate(view, position, size, maxRecordSize);
        if (result == StoredRecord.BLANK) {
            return view.getInt(position) == remaining ? SEGMENT_END : BLANK_NOT_AT_END;
        }
        if (result > 0 && view.getLong(position + PHYSICAL_OFFSET_OFFSET) != segment.startOffset() + position) {
            return PHYSICAL_OFFSET_MISMATCH;
        }
        return result;
    }

    private static void noteStoreTime(Segment segment, int position) {
        ByteBuffer view = segment.writeView();
        int sysFlag = view.getInt(position + SYS_FLAG_OFFSET);
        segment.lastStoreTimestampMs(view.getLong(position + storeTimestampOffset(sysFlag)));
    }

    private static String describe(int code) {
        if (code == PHYSICAL_OFFSET_MISMATCH) {
            return "PHYSICAL_OFFSET_MISMATCH";
        }
        if (code == BLANK_NOT_AT_END) {
            return "BLANK_NOT_AT_SEGMENT_END";
        }
        return RecordDefect.of(code).name();
    }
}
