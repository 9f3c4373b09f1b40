package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.HalfTopic;
import java.nio.ByteBuffer;

/**
 * Reads a tracked half's record from the commit log and checks it is the half that was indexed
 * (size, offset, topic), so a record overwritten or deleted since is never taken for it.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class HalfReader {
    private final CommitLog log;
    private final StoredRecord record = new StoredRecord();

    HalfReader(CommitLog log) {
        this.log = log;
    }

    /** The half at {@code offset} of {@code size} bytes, wrapped in this reader's view, or null when gone. */
    StoredRecord read(long offset, int size) {
        if (size < MessageRecordLayout.MIN_RECORD_SIZE) {
            return null;
        }
        ByteBuffer bytes = log.slice(offset, size);
        if (bytes == null) {
            return null;
        }
        record.wrap(bytes, 0);
        boolean isHalf = MessageRecordLayout.isMessageMagic(record.magic())
                && record.totalSize() == size
                && record.physicalOffset() == offset
                && record.topicEquals(HalfTopic.NAME);
        return isHalf ? record : null;
    }

    /** Why a half could not be read, for logs. */
    String whyGone(long offset) {
        return offset < log.minOffset()
                ? "its segment was deleted by retention"
                : "the record there is not the half message indexed";
    }
}
