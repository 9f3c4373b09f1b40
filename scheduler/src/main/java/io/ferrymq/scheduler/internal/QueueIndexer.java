package io.ferrymq.scheduler.internal;

import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerTopic;
import java.nio.ByteBuffer;
import java.util.Set;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the timer topic's queue from the durable progress offset and indexes each parked record
 * (deliver-at from {@code TIMER_OUT_MS}): the entries, the new progress, the counters and segment
 * pins go into RocksDB in one batch, so after a crash a record is either indexed with its progress or
 * read again. Records due inside the load window then go straight to the driver. A record cancelled
 * before it was indexed (a durable marker) is skipped.
 *
 * <p>Runs on the index agent's thread only.
 */
final class QueueIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(QueueIndexer.class);
    private static final int MAX_BYTES_PER_READ = 64 * 1024 * 1024;

    private final MessageStore store;
    private final TimerIndex index;
    private final WriteBatch batch;
    private final TimerCounters counters;
    private final SegmentPins pins;
    private final LoadWindow window;
    private final Set<Long> cancelMarkers;
    private final int batchSize;
    private final StoredRecord record = new StoredRecord();
    private final EntryArray toHand = new EntryArray();
    private long progress;

    QueueIndexer(
            MessageStore store,
            TimerIndex index,
            WriteBatch batch,
            TimerCounters counters,
            SegmentPins pins,
            LoadWindow window,
            Set<Long> cancelMarkers,
            int batchSize) {
        this.store = store;
        this.index = index;
        this.batch = batch;
        this.counters = counters;
        this.pins = pins;
        this.window = window;
        this.cancelMarkers = cancelMarkers;
        this.batchSize = batchSize;
        this.progress = index.readLong(TimerIndexLayout.PROGRESS_KEY, 0);
    }

    /** The next queue offset of the timer topic to index. */
    long progress() {
        return progress;
    }

    /** Indexes up to one batch; returns 1 if it did anything. */
    int step() {
        window.retractIfFull();
        int room = Math.min(batchSize, window.handoffRoom());
        if (room == 0) {
            return 0;
        }
        GetResult result =
                store.get(TimerTopic.NAME, TimerTopic.QUEUE_ID, progress, room, MAX_BYTES_PER_READ, MessageFilter.ALL);
        long next = switch (result.status()) {
            case FOUND -> indexAll(result);
            case OFFSET_TOO_SMALL, MESSAGE_WAS_REMOVING, OFFSET_FOUND_NULL, NO_MATCHED_MESSAGE -> skipped(result);
            case OFFSET_OVERFLOW_BADLY -> overflowed(result);
            default -> progress;
        };
        if (next == progress) {
            return 0;
        }
        progress = next;
        index.putLong(batch, TimerIndexLayout.PROGRESS_KEY, progress);
        counters.writeTo(index, batch);
        pins.writeTo(index, batch);
        index.write(batch);
        counters.publish();
        pins.publish();
        for (int i = 0; i < toHand.size(); i++) {
            window.handOver(toHand.deliverAtMs(i), toHand.offset(i), toHand.recordSize(i));
        }
        toHand.clear();
        return 1;
    }

    private long indexAll(GetResult result) {
        for (ByteBuffer bytes : result.messages()) {
            indexOne(record.wrap(bytes, 0));
        }
        return result.nextBeginOffset();
    }

    private void indexOne(StoredRecord parked) {
        long offset = parked.physicalOffset();
        if (!cancelMarkers.isEmpty() && cancelMarkers.remove(offset)) {
            index.delete(batch, TimerIndexLayout.metaKey(TimerIndexLayout.CANCEL_TAG, offset));
            counters.cancelledBeforeIndexing();
            return;
        }
        long deliverAt = ParkedRecord.deliverAtMs(parked);
        if (deliverAt < 0) {
            LOG.warn("timer topic record at {} has no REAL_TOPIC; it is not a parked message and is skipped", offset);
            return;
        }
        int size = parked.totalSize();
        index.put(batch, deliverAt, offset, size, parked.queueOffset());
        counters.indexed();
        pins.pin(offset);
        if (window.covers(deliverAt, offset)) {
            toHand.add(deliverAt, offset, size);
        }
    }

    private long skipped(GetResult result) {
        LOG.error(
                "timer topic queue offsets {}..{} have no readable record ({}): their timers are lost",
                progress,
                result.nextBeginOffset(),
                result.status());
        return result.nextBeginOffset();
    }

    private long overflowed(GetResult result) {
        LOG.warn(
                "timer index progress {} is past the timer topic's queue end {} (the log lost its tail?):"
                        + " indexing resumes from the queue end",
                progress,
                result.maxOffset());
        return result.maxOffset();
    }
}
