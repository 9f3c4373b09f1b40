package io.ferrymq.consumequeue.internal;

import io.ferrymq.consumequeue.internal.ConsumeQueueLoader.DamagedQueue;
import io.ferrymq.protocol.message.StoredRecord;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-appends the entries of damaged consume queues while recovery scans the commit log; records of
 * other queues are passed over. Entries already present are skipped by {@link ConsumeQueue#append}.
 *
 * <p>Not thread-safe: used on the opening thread only.
 */
final class DamagedQueueRebuild implements RecordVisitor {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedQueueRebuild.class);

    private final Map<ConsumeQueue, DamagedQueue> damaged;
    private final Map<String, Map<Integer, ConsumeQueue>> byName = new java.util.HashMap<>();

    DamagedQueueRebuild(Map<ConsumeQueue, DamagedQueue> damaged) {
        this.damaged = damaged;
        for (ConsumeQueue queue : damaged.keySet()) {
            byName.computeIfAbsent(queue.topic(), t -> new java.util.HashMap<>())
                    .put(queue.queueId(), queue);
        }
    }

    @Override
    public void visit(StoredRecord record, long physicalOffset) {
        Map<Integer, ConsumeQueue> queues = byName.get(record.topic());
        ConsumeQueue queue = queues == null ? null : queues.get(record.queueId());
        if (queue != null) {
            queue.append(record.queueOffset(), physicalOffset, record.totalSize(), record.tagsHashCode());
        }
    }

    /** Logs what was rebuilt; a queue that found fewer entries than it had resumes at its old max. */
    void finish() {
        for (DamagedQueue damage : damaged.values()) {
            ConsumeQueue queue = damage.queue();
            queue.publish();
            if (queue.maxOffset() < damage.recordedMax() && queue.minOffset() == queue.maxOffset()) {
                queue.resetEmptyAt(damage.recordedMax());
            }
            LOG.warn(
                    "rebuilt consume queue {}-{} from the commit log: offsets {}..{} (recorded max {})",
                    queue.topic(),
                    queue.queueId(),
                    queue.minOffset(),
                    queue.maxOffset(),
                    damage.recordedMax());
        }
    }
}
