package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.commitlog.StoreCheckpoint;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.internal.ConsumeQueueLoader.DamagedQueue;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the consume queues and the key index back in line with the recovered commit log, at open,
 * before the dispatcher thread starts. The commit log is the truth; the rest is rebuilt from it:
 *
 * <ol>
 *   <li>the checkpoint's indexed offset, clamped to the log's [min, written end], is where durable
 *       indexing stopped; with no checkpoint or a new RocksDB it is the log's min offset, and every
 *       queue is rebuilt;
 *   <li>queues are loaded and checked against the manifest; damaged ones are cut at the damage;
 *   <li>queues forget entries whose records retention deleted;
 *   <li>damaged queues are rebuilt by scanning the log from their last good entry;
 *   <li>every queue drops entries at or past the indexed offset (they may point past the log's end,
 *       or were never made durable);
 *   <li>the key index is opened and brought up to the indexed offset ({@link KeyIndexRecovery});
 *   <li>the dispatcher re-dispatches from the indexed offset to the written end, and checkpoints.
 * </ol>
 *
 * <p>Runs on the opening thread only.
 */
public final class StoreRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private StoreRecovery() {}

    /** Recovers and returns the dispatcher, positioned at the log's written end. */
    public static DispatchAgent recover(
            CommitLog log,
            ConsumeQueueTable table,
            StoreDb db,
            StoreCheckpoint checkpoint,
            Clock clock,
            StoreConfig config) {
        long started = System.nanoTime();
        long logMin = log.minOffset();
        long written = log.writtenOffset();
        long indexed = checkpoint.indexedOffset();
        QueueManifest manifest = new QueueManifest(db);
        boolean rebuildAll = indexed == StoreCheckpoint.UNKNOWN || db.createdNew() && indexed > logMin;
        if (rebuildAll && written > logMin) {
            LOG.warn(
                    "indexes are unknown (checkpoint {}, new RocksDB {}): rebuilding every queue from offset {}",
                    indexed,
                    db.createdNew(),
                    logMin);
        }
        if (rebuildAll) {
            deleteAllQueues(table);
            manifest.clear();
            indexed = logMin;
        }
        indexed = Math.max(logMin, Math.min(indexed, written));
        List<DamagedQueue> damaged = new ConsumeQueueLoader(table, manifest.load()).load();
        for (ConsumeQueue queue : table.all()) {
            queue.forgetBelow(logMin);
        }
        rebuildDamaged(log, damaged, written);
        truncatePastIndexed(table, indexed);
        KeyIndex index = KeyIndexRecovery.recover(
                log, db, config.indexDir(), config.maxHashSlotNum(), config.maxIndexNum(), indexed);
        DispatchAgent agent = new DispatchAgent(
                log, table, index, db, checkpoint, clock, config.flushIntervalConsumeQueueMs(), indexed);
        agent.drain();
        agent.checkpoint();
        LOG.info(
                "store indexes recovered: {} queues, re-dispatched commit-log bytes {}..{} in {} ms",
                table.all().size(),
                indexed,
                written,
                (System.nanoTime() - started) / 1_000_000);
        return agent;
    }

    private static void rebuildDamaged(CommitLog log, List<DamagedQueue> damaged, long written) {
        if (damaged.isEmpty()) {
            return;
        }
        Map<ConsumeQueue, DamagedQueue> byQueue = new IdentityHashMap<>();
        long from = written;
        QueueEntry entry = new QueueEntry();
        for (DamagedQueue damage : damaged) {
            ConsumeQueue queue = damage.queue();
            byQueue.put(queue, damage);
            long max = queue.maxOffset();
            boolean hasLast = max > queue.minOffset() && queue.read(max - 1, entry);
            from = Math.min(from, hasLast ? entry.physicalOffset() + entry.size() : log.minOffset());
        }
        DamagedQueueRebuild rebuild = new DamagedQueueRebuild(byQueue);
        new LogScanner(log).scan(from, written, Integer.MAX_VALUE, rebuild);
        rebuild.finish();
    }

    private static void truncatePastIndexed(ConsumeQueueTable table, long indexed) {
        for (ConsumeQueue queue : table.all()) {
            long dropped = queue.truncateFrom(indexed);
            if (dropped > 0) {
                LOG.info(
                        "consume queue {}-{}: dropped {} entries at or past commit-log offset {}",
                        queue.topic(),
                        queue.queueId(),
                        dropped,
                        indexed);
            }
        }
    }

    private static void deleteAllQueues(ConsumeQueueTable table) {
        for (java.nio.file.Path topicDir : ConsumeQueueLoader.list(table.root())) {
            for (java.nio.file.Path queueDir : ConsumeQueueLoader.list(topicDir)) {
                for (java.nio.file.Path file : ConsumeQueueLoader.list(queueDir)) {
                    file.toFile().delete();
                }
            }
        }
    }
}
