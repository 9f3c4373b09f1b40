package io.ferrymq.scheduler.internal;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueueTail;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerTopic;
import java.util.Set;
import java.util.function.Consumer;
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

    private final QueueTail tail;
    private final Consumer<StoredRecord> indexOne = this::indexOne;
    private final TimerIndex index;
    private final WriteBatch batch;
    private final TimerCounters counters;
    private final SegmentPins pins;
    private final LoadWindow window;
    private final Set<Long> cancelMarkers;
    private final int batchSize;
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
        this.tail = new QueueTail(store, TimerTopic.NAME, TimerTopic.QUEUE_ID, "their timers are lost");
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
        long next = tail.read(progress, room, indexOne);
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
}
