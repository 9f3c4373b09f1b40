package io.ferrymq.scheduler.internal;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The durable timer index: the RocksDB column family {@value TimerIndexLayout#FAMILY} of the store's
 * database, laid out as {@link TimerIndexLayout}. Entries and meta records change together in one
 * {@link WriteBatch}, so a crash leaves either all of a step's changes or none. Writes go through the
 * write-ahead log without syncing it (the store's dispatcher syncs the log on its checkpoint
 * interval), so they survive a process crash; what an OS crash loses is rebuilt from the timer
 * topic's queue, which the index's progress record points into.
 *
 * <p>Reads are safe from any thread. Batch-building methods use scratch arrays and belong to the one
 * writer thread (the index agent); {@link #writeFence} belongs to the driver thread.
 */
public final class TimerIndex implements AutoCloseable {
    private final StoreDb storeDb;
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final WriteOptions writeOptions = new WriteOptions().setSync(false);
    private final byte[] key = new byte[TimerIndexLayout.KEY_SIZE];
    private final byte[] value = new byte[TimerIndexLayout.VALUE_SIZE];

    public TimerIndex(StoreDb storeDb) {
        this.storeDb = storeDb;
        this.db = storeDb.rocksDb();
        this.family = storeDb.family(TimerIndexLayout.FAMILY);
    }

    /** Adds an entry to {@code batch}. Writer thread. */
    public void put(WriteBatch batch, long deliverAtMs, long offset, int size, long queueOffset) {
        TimerIndexLayout.writeEntryKey(key, deliverAtMs, offset);
        TimerIndexLayout.writeValue(value, size, queueOffset);
        try {
            batch.put(family, key, value);
        } catch (RocksDBException e) {
            throw failure("add a timer entry to a batch", e);
        }
    }

    /** Deletes an entry in {@code batch}. Writer thread. */
    public void delete(WriteBatch batch, long deliverAtMs, long offset) {
        TimerIndexLayout.writeEntryKey(key, deliverAtMs, offset);
        delete(batch, key);
    }

    public void putLong(WriteBatch batch, byte[] metaKey, long number) {
        try {
            batch.put(family, metaKey, TimerIndexLayout.longValue(number));
        } catch (RocksDBException e) {
            throw failure("add a meta record to a batch", e);
        }
    }

    public void delete(WriteBatch batch, byte[] anyKey) {
        try {
            batch.delete(family, anyKey);
        } catch (RocksDBException e) {
            throw failure("add a delete to a batch", e);
        }
    }

    /** Applies a batch. Writer thread. */
    public void write(WriteBatch batch) {
        if (batch.count() == 0) {
            return;
        }
        try {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("write the timer index", e);
        } finally {
            batch.clear();
        }
    }

    /** Forces RocksDB's write-ahead log: every write made before is durable. */
    public void sync() {
        storeDb.syncWal();
    }

    /** Records the fire fence (the only record the driver thread writes). */
    public void writeFence(long fenceMs) {
        try {
            db.put(family, writeOptions, TimerIndexLayout.FENCE_KEY, TimerIndexLayout.longValue(fenceMs));
        } catch (RocksDBException e) {
            throw failure("write the fire fence", e);
        }
    }

    /** The fire fence, or -1 when none was ever written. */
    public long fence() {
        return readLong(TimerIndexLayout.FENCE_KEY, -1);
    }

    /** A meta number, or {@code missing} when the record is absent. */
    public long readLong(byte[] metaKey, long missing) {
        try {
            byte[] bytes = db.get(family, metaKey);
            return bytes == null || bytes.length != 8 ? missing : TimerIndexLayout.getLong(bytes, 0);
        } catch (RocksDBException e) {
            throw failure("read a meta record", e);
        }
    }

    /** Whether the entry exists. */
    public boolean contains(long deliverAtMs, long offset) {
        try {
            return db.get(family, TimerIndexLayout.entryKey(deliverAtMs, offset)) != null;
        } catch (RocksDBException e) {
            throw failure("read a timer entry", e);
        }
    }

    /** The arguments of every meta record with {@code tag}, with their 8-byte values (0 if empty). */
    public TreeMap<Long, Long> metaRecords(byte tag) {
        TreeMap<Long, Long> found = new TreeMap<>();
        byte[] prefix = TimerIndexLayout.metaPrefix(tag);
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length != 10 || k[0] != prefix[0] || k[1] != prefix[1]) {
                    break;
                }
                byte[] v = it.value();
                found.put(TimerIndexLayout.metaArgument(k), v.length == 8 ? TimerIndexLayout.getLong(v, 0) : 0L);
            }
        }
        return found;
    }

    /**
     * Visits entries from key (fromMs, fromOffset) inclusive while their deliver-at is below {@code
     * toMsExclusive}, at most {@code limit} of them.
     *
     * @return how many were visited
     */
    public int scan(long fromMs, long fromOffset, long toMsExclusive, int limit, EntryVisitor visitor) {
        byte[] k = new byte[TimerIndexLayout.KEY_SIZE];
        byte[] v = new byte[TimerIndexLayout.VALUE_SIZE];
        int visited = 0;
        try (RocksIterator it = db.newIterator(family)) {
            it.seek(TimerIndexLayout.entryKey(Math.max(0, fromMs), Math.max(0, fromOffset)));
            while (visited < limit && it.isValid()) {
                if (it.key(k) != TimerIndexLayout.KEY_SIZE || k[0] < 0) {
                    break;
                }
                long deliverAtMs = TimerIndexLayout.keyDeliverAtMs(k);
                if (deliverAtMs >= toMsExclusive) {
                    break;
                }
                it.value(v);
                visitor.visit(
                        deliverAtMs,
                        TimerIndexLayout.keyOffset(k),
                        TimerIndexLayout.valueSize(v),
                        TimerIndexLayout.valueQueueOffset(v));
                visited++;
                it.next();
            }
        }
        return visited;
    }

    /**
     * Counts entries due at or before each bound (bounds ascending), stopping after {@code cap} entries.
     *
     * @return counts[i] = entries due in (bound[i-1], bound[i]]; the last element is 1 when the cap
     *     stopped the count, else 0
     */
    public long[] countBelow(long[] bounds, long cap) {
        long[] counts = new long[bounds.length + 1];
        byte[] k = new byte[TimerIndexLayout.KEY_SIZE];
        long seen = 0;
        int bucket = 0;
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                if (it.key(k) != TimerIndexLayout.KEY_SIZE || k[0] < 0) {
                    break;
                }
                long deliverAtMs = TimerIndexLayout.keyDeliverAtMs(k);
                while (bucket < bounds.length && deliverAtMs > bounds[bucket]) {
                    bucket++;
                }
                if (bucket == bounds.length) {
                    break;
                }
                if (++seen > cap) {
                    counts[bounds.length] = 1;
                    break;
                }
                counts[bucket]++;
            }
        }
        return counts;
    }

    /** The deliver-at of the earliest entry, or -1 when there is none. */
    public long firstDeliverAtMs() {
        byte[] k = new byte[TimerIndexLayout.KEY_SIZE];
        try (RocksIterator it = db.newIterator(family)) {
            it.seekToFirst();
            if (it.isValid() && it.key(k) == TimerIndexLayout.KEY_SIZE && k[0] >= 0) {
                return TimerIndexLayout.keyDeliverAtMs(k);
            }
        }
        return -1;
    }

    /** Every entry, in order (tests and tools; allocates). */
    public List<long[]> entries(int limit) {
        List<long[]> out = new ArrayList<>();
        scan(
                0,
                0,
                Long.MAX_VALUE,
                limit,
                (at, offset, size, queueOffset) -> out.add(new long[] {at, offset, size, queueOffset}));
        return out;
    }

    @Override
    public void close() {
        writeOptions.close();
    }

    private static StoreException failure(String what, RocksDBException e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
