package io.ferrymq.dlq.internal;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import java.util.HashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The durable dead-letter state: the column family {@value DlqLayout#FAMILY} of the store's RocksDB,
 * laid out as {@link DlqLayout}. A replay intent is followed by a sync of the write-ahead log, so it is
 * on disk before the append it announces; counts and replay outcomes go through the log unsynced
 * (they survive a process crash; an outcome lost to an OS crash is found again from the intent). Holds
 * no native resources of its own: the store's database owns the family.
 *
 * <p>Thread-safe (RocksDB is); the callers keep one writer per key: counts under the counter's lock,
 * replays under the replayer's.
 */
public final class DlqLedger {
    private final StoreDb storeDb;
    private final RocksDB db;
    private final ColumnFamilyHandle family;

    public DlqLedger(StoreDb storeDb) {
        this.storeDb = storeDb;
        this.db = storeDb.rocksDb();
        this.family = storeDb.family(DlqLayout.FAMILY);
    }

    /** Every group's dead-letter count. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seek(new byte[] {DlqLayout.COUNT}); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (key[0] != DlqLayout.COUNT) {
                    break;
                }
                counts.put(DlqLayout.countGroup(key), DlqLayout.readLong(it.value()));
            }
        }
        return counts;
    }

    public void putCount(String group, long count) {
        put(DlqLayout.countKey(group), DlqLayout.longValue(count), "a dead-letter count");
    }

    /** The replay state of the dead letter at {@code dlqOffset}, or null when it was never replayed. */
    public ReplayEntry replay(long dlqOffset) {
        try {
            byte[] value = db.get(family, DlqLayout.replayKey(dlqOffset));
            return value == null ? null : DlqLayout.decode(value);
        } catch (RocksDBException e) {
            throw failure("read a replay entry", e);
        }
    }

    /** Records an intent durably (the write-ahead log synced) before its append. */
    public void putIntent(long dlqOffset, ReplayEntry intent) {
        put(DlqLayout.replayKey(dlqOffset), DlqLayout.encode(intent), "a replay intent");
        storeDb.syncWal();
    }

    public void putDone(long dlqOffset, ReplayEntry done) {
        put(DlqLayout.replayKey(dlqOffset), DlqLayout.encode(done), "a replay outcome");
    }

    /** Forgets an intent whose append was refused (so it certainly did not land). */
    public void deleteReplay(long dlqOffset) {
        try {
            db.delete(family, DlqLayout.replayKey(dlqOffset));
        } catch (RocksDBException e) {
            throw failure("delete a replay entry", e);
        }
    }

    /** Deletes the replay entries of dead letters below {@code logMinOffset} (gone to retention); returns how many. */
    public int pruneReplaysBelow(long logMinOffset) {
        int pruned = 0;
        try (RocksIterator it = db.newIterator(family);
                WriteBatch batch = new WriteBatch()) {
            for (it.seek(new byte[] {DlqLayout.REPLAY}); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (key[0] != DlqLayout.REPLAY || DlqLayout.replayOffset(key) >= logMinOffset) {
                    break;
                }
                batch.delete(family, key);
                pruned++;
            }
            if (pruned > 0) {
                try (WriteOptions options = new WriteOptions()) {
                    db.write(options, batch);
                }
            }
        } catch (RocksDBException e) {
            throw failure("prune replay entries", e);
        }
        return pruned;
    }

    private void put(byte[] key, byte[] value, String what) {
        try {
            db.put(family, key, value);
        } catch (RocksDBException e) {
            throw failure("write " + what, e);
        }
    }

    private static StoreException failure(String what, RocksDBException e) {
        return new StoreException("cannot " + what + " in the dlq column family: " + e.getMessage(), e);
    }
}
