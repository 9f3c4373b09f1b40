package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.consumequeue.BoundaryType;
import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.GetStatus;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reads through the consume queues: a pull's batch of records (statuses and nextBeginOffset as in
 * wire-protocol §4.4), one record by physical offset, offsets by store time. Records are returned as
 * read-only views of the commit log (no copy). Only dispatched records are visible: a queue's max
 * offset is its dispatched count, and a physical offset must lie below the dispatched offset.
 *
 * <p>Thread-safe and stateless apart from its collaborators; any number of pull threads may share it.
 */
public final class QueueReader {
    /** At most this many entries are scanned per read, so a filter that matches rarely stays cheap. */
    static final int MAX_SCANNED_ENTRIES = 16_000;

    private final CommitLog log;
    private final ConsumeQueueTable table;
    private final LongSupplier dispatchedOffset;

    public QueueReader(CommitLog log, ConsumeQueueTable table, LongSupplier dispatchedOffset) {
        this.log = log;
        this.table = table;
        this.dispatchedOffset = dispatchedOffset;
    }

    public GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        ConsumeQueue queue = table.find(topic, queueId);
        if (queue == null) {
            return GetResult.empty(GetStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (max == 0) {
            return GetResult.empty(GetStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (offset < min) {
            return GetResult.empty(GetStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return GetResult.empty(GetStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return GetResult.empty(GetStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        return scan(queue, offset, Math.max(1, maxCount), maxBytes, filter, min, max);
    }

    private GetResult scan(
            ConsumeQueue queue, long offset, int maxCount, int maxBytes, MessageFilter filter, long min, long max) {
        QueueEntry entry = new QueueEntry();
        List<ByteBuffer> found = new ArrayList<>(Math.min(maxCount, 32));
        long end = Math.min(max, offset + Math.max(maxCount, MAX_SCANNED_ENTRIES));
        long next = offset;
        int bytes = 0;
        int missing = 0;
        long first = -1;
        for (long at = offset; at < end && found.size() < maxCount; at++) {
            if (queue.read(at, entry) && filter.matches(entry.tagsHash())) {
                if (!found.isEmpty() && bytes + entry.size() > maxBytes) {
                    break;
                }
                ByteBuffer record = log.slice(entry.physicalOffset(), entry.size());
                if (record == null) {
                    missing++;
                } else {
                    if (found.isEmpty()) {
                        first = entry.physicalOffset();
                    }
                    found.add(record);
                    bytes += entry.size();
                }
            }
            next = at + 1;
        }
        return new GetResult(status(found, missing, entry), found, bytes, first, next, min, max);
    }

    private GetStatus status(List<ByteBuffer> found, int missing, QueueEntry last) {
        if (!found.isEmpty()) {
            return GetStatus.FOUND;
        }
        if (missing == 0) {
            return GetStatus.NO_MATCHED_MESSAGE;
        }
        return last.physicalOffset() < log.minOffset() ? GetStatus.MESSAGE_WAS_REMOVING : GetStatus.OFFSET_FOUND_NULL;
    }

    /** The dispatched record starting at {@code physicalOffset}, or null when there is none. */
    public ByteBuffer byPhysicalOffset(long physicalOffset) {
        if (physicalOffset >= dispatchedOffset.getAsLong()) {
            return null;
        }
        ByteBuffer head = log.slice(physicalOffset, MessageRecordLayout.FIXED_PART);
        if (head == null) {
            return null;
        }
        StoredRecord record = new StoredRecord().wrap(head, 0);
        if (!MessageRecordLayout.isMessageMagic(record.magic()) || record.physicalOffset() != physicalOffset) {
            return null;
        }
        return log.slice(physicalOffset, record.totalSize());
    }

    /** See {@link ConsumeQueue#offsetByTime}; 0 for an unknown queue. */
    public long offsetByTime(String topic, int queueId, long timestampMs, BoundaryType boundary) {
        ConsumeQueue queue = table.find(topic, queueId);
        return queue == null ? 0 : queue.offsetByTime(timestampMs, boundary, storeTimes());
    }

    /** The store time of the queue's first readable message, or -1. */
    public long earliestStoreTime(String topic, int queueId) {
        ConsumeQueue queue = table.find(topic, queueId);
        QueueEntry entry = new QueueEntry();
        if (queue == null) {
            return -1;
        }
        for (long at = queue.minOffset(); at < queue.maxOffset(); at++) {
            if (queue.read(at, entry)) {
                long time = storeTimes().storeTimeMs(entry.physicalOffset(), entry.size());
                if (time >= 0) {
                    return time;
                }
            }
        }
        return -1;
    }

    private StoreTimeReader storeTimes() {
        StoredRecord record = new StoredRecord();
        return (physicalOffset, size) -> {
            ByteBuffer bytes = log.slice(physicalOffset, size);
            return bytes == null ? -1 : record.wrap(bytes, 0).storeTimestamp();
        };
    }
}
