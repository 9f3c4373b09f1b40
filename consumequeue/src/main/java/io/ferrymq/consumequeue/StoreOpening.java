package io.ferrymq.consumequeue;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.commitlog.CommitLogs;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.StoreDirectory;
import io.ferrymq.consumequeue.internal.ConsumeQueue;
import io.ferrymq.consumequeue.internal.ConsumeQueueTable;
import io.ferrymq.consumequeue.internal.DispatchAgent;
import io.ferrymq.consumequeue.internal.QueueOffsetTable;
import io.ferrymq.consumequeue.internal.StoreRecovery;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The parts of a {@link MessageStore}, opened in recovery order: store directory (lock, abort marker,
 * checkpoint) → commit log (its own recovery) → RocksDB → consume queues and key index recovered from
 * the log → queue-offset assigner initialised from the recovered queues. On failure, whatever was
 * opened is closed again.
 */
record StoreOpening(
        StoreDirectory directory, CommitLog log, StoreDb db, ConsumeQueueTable queues, DispatchAgent dispatcher) {

    static StoreOpening open(StoreConfig config, Clock clock, DiskUsageProbe probe) throws IOException {
        StoreDirectory directory = StoreDirectory.open(config.storePathRootDir());
        CommitLog log = null;
        StoreDb db = null;
        try {
            QueueOffsetTable offsets = new QueueOffsetTable();
            log = CommitLogs.open(config.commitLog(), clock, offsets, probe, directory);
            db = StoreDb.open(config.storePathRootDir().resolve("rocksdb"), List.of());
            ConsumeQueueTable queues = new ConsumeQueueTable(
                    config.storePathRootDir().resolve("consumequeue"), config.consumeQueueEntriesPerFile());
            DispatchAgent dispatcher = StoreRecovery.recover(log, queues, db, directory.checkpoint(), clock, config);
            for (ConsumeQueue queue : queues.all()) {
                offsets.initialise(queue.topic(), queue.queueId(), queue.maxOffset());
            }
            return new StoreOpening(directory, log, db, queues, dispatcher);
        } catch (IOException | RuntimeException e) {
            closeQuietly(db, log, directory, e);
            throw e;
        }
    }

    private static void closeQuietly(StoreDb db, CommitLog log, StoreDirectory directory, Exception cause) {
        try {
            if (db != null) {
                db.close();
            }
            if (log != null) {
                log.close();
            }
            directory.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
