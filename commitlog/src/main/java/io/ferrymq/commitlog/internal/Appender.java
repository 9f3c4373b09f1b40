package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.QueueOffsetAssigner;
import io.ferrymq.commitlog.RecordSource;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the log's tail. Every append runs one short critical section under a lock:
 * roll the segment if the record does not fit, assign the queue offset(s), take the store time, copy
 * the record into the mapped segment, publish the new {@link #writtenOffset()}.
 *
 * <p>Why a lock and not a hand-off to an appender thread: the critical section is a memcpy into
 * mapped memory plus a few field writes (well under a microsecond for a 1 KB record), so a hand-off
 * would add a queue, a wake-up and a context switch, costing more than the work it serialises; the
 * caller's thread does the copy itself and nobody waits for a thread to be scheduled. The rare slow
 * step (creating the next segment file) is a roll, once per segment.
 *
 * <p>Thread-safe: any thread may append; the tail is written by one thread at a time. Readers see a
 * record once {@link #writtenOffset()} (volatile) covers it.
 */
public final class Appender {
    private static final Logger LOG = LoggerFactory.getLogger(Appender.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final SegmentList segments;
    private final SegmentRoller roller;
    private final Clock clock;
    private final QueueOffsetAssigner assigner;
    private final AppendCompletion completion;
    private final WriteGate gate;
    private final OffsetListeners listeners;
    private volatile long writtenOffset;

    public Appender(
            SegmentList segments,
            SegmentRoller roller,
            Clock clock,
            QueueOffsetAssigner assigner,
            AppendCompletion completion,
            WriteGate gate,
            OffsetListeners listeners,
            long recoveredOffset) {
        this.segments = segments;
        this.roller = roller;
        this.clock = clock;
        this.assigner = assigner;
        this.completion = completion;
        this.gate = gate;
        this.listeners = listeners;
        this.writtenOffset = recoveredOffset;
    }

    public long writtenOffset() {
        return writtenOffset;
    }

    public CompletableFuture<AppendResult> append(RecordSource record) {
        int size = record.recordSize();
        AppendStatus refusal = refusal(size);
        if (refusal != null) {
            return refused(refusal);
        }
        lock.lock();
        try {
            return appendLocked(record, size);
        } finally {
            lock.unlock();
        }
    }

    public CompletableFuture<AppendResult> appendBatch(List<? extends RecordSource> records) {
        long total = batchSize(records);
        AppendStatus refusal = total < 0 ? AppendStatus.RECORD_TOO_LARGE : refusal(total);
        if (refusal != null) {
            return refused(refusal);
        }
        lock.lock();
        try {
            return appendBatchLocked(records, (int) total);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until any append in progress has finished; later appends are refused by the gate. */
    public void drain() {
        lock.lock();
        lock.unlock();
    }

    private AppendStatus refusal(long size) {
        if (size <= 0 || size > segments.segmentSizeBytes()) {
            return AppendStatus.RECORD_TOO_LARGE;
        }
        return gate.refusal();
    }

    /** Sum of the record sizes, or -1 if the batch is empty or mixes queues. */
    private static long batchSize(List<? extends RecordSource> records) {
        if (records.isEmpty()) {
            return -1;
        }
        RecordSource first = records.get(0);
        long total = 0;
        for (int i = 0; i < records.size(); i++) {
            RecordSource r = records.get(i);
            if (r.queueId() != first.queueId() || !r.topic().equals(first.topic())) {
                LOG.warn(
                        "batch refused: it mixes {}#{} and {}#{}",
                        first.topic(),
                        first.queueId(),
                        r.topic(),
                        r.queueId());
                return -1;
            }
            total += r.recordSize();
        }
        return total;
    }

    private CompletableFuture<AppendResult> appendLocked(RecordSource record, int size) {
        if (gate.refusal() != null) {
            return refused(gate.refusal());
        }
        Segment segment = segmentWithRoom(size);
        if (segment == null) {
            return refused(AppendStatus.UNAVAILABLE);
        }
        long physical = writtenOffset;
        long now = clock.millis();
        long queueOffset = assigner.assign(record.topic(), record.queueId(), 1);
        int position = (int) (physical - segment.startOffset());
        if (!encode(record, segment, position, size, physical, queueOffset, now)) {
            assigner.rollback(record.topic(), record.queueId(), 1);
            zero(segment, position, size);
            return refused(AppendStatus.RECORD_TOO_LARGE);
        }
        return publish(segment, new AppendResult(AppendStatus.OK, physical, size, queueOffset, 1, now));
    }

    private CompletableFuture<AppendResult> appendBatchLocked(List<? extends RecordSource> records, int total) {
        if (gate.refusal() != null) {
            return refused(gate.refusal());
        }
        Segment segment = segmentWithRoom(total);
        if (segment == null) {
            return refused(AppendStatus.UNAVAILABLE);
        }
        RecordSource first = records.get(0);
        int count = records.size();
        long physical = writtenOffset;
        long now = clock.millis();
        long queueOffset = assigner.assign(first.topic(), first.queueId(), count);
        int start = (int) (physical - segment.startOffset());
        int position = start;
        for (int i = 0; i < count; i++) {
            RecordSource r = records.get(i);
            int size = r.recordSize();
            if (!encode(r, segment, position, size, physical + (position - start), queueOffset + i, now)) {
                assigner.rollback(first.topic(), first.queueId(), count);
                zero(segment, start, total);
                return refused(AppendStatus.RECORD_TOO_LARGE);
            }
            position += size;
        }
        return publish(segment, new AppendResult(AppendStatus.OK, physical, total, queueOffset, count, now));
    }

    private CompletableFuture<AppendResult> publish(Segment segment, AppendResult result) {
        long end = result.physicalOffset() + result.bytes();
        writtenOffset = end;
        segment.lastStoreTimestampMs(result.storeTimestampMs());
        CompletableFuture<AppendResult> future = completion.complete(result, end);
        listeners.notify(end);
        return future;
    }

    /**
     * Writes one record, bounded to its declared size. The record source is the caller's code, so any
     * failure of it is caught here: the append is undone rather than leaving assigned queue offsets.
     */
    private static boolean encode(
            RecordSource record, Segment segment, int position, int size, long physical, long queueOffset, long now) {
        ByteBuffer target = segment.writeView();
        target.clear().position(position).limit(position + size);
        try {
            record.encode(target, physical, queueOffset, now);
        } catch (RuntimeException e) {
            LOG.warn("record for {}#{} failed to encode; refused", record.topic(), record.queueId(), e);
            return false;
        }
        if (target.position() != position + size) {
            LOG.warn(
                    "record for {}#{} wrote {} bytes but declared {}; refused",
                    record.topic(),
                    record.queueId(),
                    target.position() - position,
                    size);
            return false;
        }
        return true;
    }

    private static void zero(Segment segment, int position, int length) {
        ByteBuffer target = segment.writeView();
        for (int i = 0; i < length; i++) {
            target.put(position + i, (byte) 0);
        }
    }

    /** The segment the next {@code size} bytes go to, rolling over if needed; null if rolling failed. */
    private Segment segmentWithRoom(int size) {
        Segment last = segments.last();
        long offset = writtenOffset;
        if (last != null && offset < last.endOffset()) {
            if (size <= last.endOffset() - offset) {
                return last;
            }
            Segment next = roller.next(last.endOffset());
            if (next == null) {
                return null;
            }
            SegmentTail.seal(last, (int) (offset - last.startOffset()));
            writtenOffset = last.endOffset();
            return next;
        }
        return roller.next(offset);
    }

    private static CompletableFuture<AppendResult> refused(AppendStatus status) {
        return CompletableFuture.completedFuture(AppendResult.refused(status));
    }
}
