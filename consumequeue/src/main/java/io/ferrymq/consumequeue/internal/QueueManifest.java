package io.ferrymq.consumequeue.internal;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The max offset of every consume queue as of the last checkpoint, in the RocksDB column family
 * {@value #FAMILY} ({@link QueueManifestLayout}). Recovery uses it to tell a queue whose files were
 * deleted or cut from one that is merely behind the checkpoint.
 *
 * <p>Writes belong to the dispatcher thread (at each checkpoint); {@link #load} runs at open.
 */
final class QueueManifest {
    static final String FAMILY = "queues";

    private final StoreDb db;
    private final ColumnFamilyHandle family;

    QueueManifest(StoreDb db) {
        this.db = db;
        this.family = db.family(FAMILY);
    }

    /** topic → queue id → max offset at the last checkpoint. */
    Map<String, Map<Integer, Long>> load() {
        Map<String, Map<Integer, Long>> all = new HashMap<>();
        try (RocksIterator it = db.rocksDb().newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                all.computeIfAbsent(QueueManifestLayout.topic(key), t -> new HashMap<>())
                        .put(QueueManifestLayout.queueId(key), QueueManifestLayout.maxOffset(it.value()));
            }
        }
        return all;
    }

    /** Records the max offset of every queue that moved since it was last recorded (not yet synced). */
    void record(List<ConsumeQueue> queues) {
        try (WriteBatch batch = new WriteBatch();
                WriteOptions options = new WriteOptions()) {
            for (ConsumeQueue queue : queues) {
                long max = queue.maxOffset();
                if (queue.manifestMax != max) {
                    batch.put(
                            family,
                            QueueManifestLayout.key(queue.topic(), queue.queueId()),
                            QueueManifestLayout.value(max));
                    queue.manifestMax = max;
                }
            }
            if (batch.count() > 0) {
                db.rocksDb().write(options, batch);
            }
        } catch (RocksDBException e) {
            throw new StoreException("cannot record consume queue offsets: " + e.getMessage(), e);
        }
    }

    /** Forgets every recorded queue (before a full rebuild). */
    void clear() {
        try (RocksIterator it = db.rocksDb().newIterator(family);
                WriteBatch batch = new WriteBatch();
                WriteOptions options = new WriteOptions()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                batch.delete(family, it.key());
            }
            db.rocksDb().write(options, batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot clear consume queue offsets: " + e.getMessage(), e);
        }
    }
}
