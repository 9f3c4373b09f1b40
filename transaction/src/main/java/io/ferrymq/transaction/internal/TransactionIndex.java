package io.ferrymq.transaction.internal;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The durable transaction state: the RocksDB column family {@value TransactionLayout#FAMILY} of the
 * store's database, laid out as {@link TransactionLayout}. Changes collect in one {@link WriteBatch}
 * and are applied together by {@link #write()}, so a crash leaves all of a step's changes or none.
 * Writes go through RocksDB's write-ahead log without syncing it: they survive a process crash; what
 * an OS crash loses is redone (indexing from the half topic's queue, commits through the duplicate
 * check, decisions by the next check-back).
 *
 * <p>Reads are safe from any thread. The batch methods belong to the one writer thread (the
 * transaction agent, or the closing thread once that has stopped).
 */
public final class TransactionIndex implements AutoCloseable {
    private static final byte[] EMPTY = new byte[0];

    private final StoreDb storeDb;
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final WriteOptions writeOptions = new WriteOptions().setSync(false);
    private final WriteBatch batch = new WriteBatch();

    public TransactionIndex(StoreDb storeDb) {
        this.storeDb = storeDb;
        this.db = storeDb.rocksDb();
        this.family = storeDb.family(TransactionLayout.FAMILY);
    }

    // ---- batch (writer thread) ----

    public void putHalf(HalfEntry entry) {
        put(TransactionLayout.offsetKey(TransactionLayout.HALF, entry.offset), HalfEntryLayout.encode(entry));
    }

    public void deleteHalf(long offset) {
        delete(TransactionLayout.offsetKey(TransactionLayout.HALF, offset));
    }

    public void putDue(long nextCheckMs, long offset) {
        put(TransactionLayout.timeKey(TransactionLayout.DUE, nextCheckMs, offset), EMPTY);
    }

    public void deleteDue(long nextCheckMs, long offset) {
        delete(TransactionLayout.timeKey(TransactionLayout.DUE, nextCheckMs, offset));
    }

    /** Adds an empty {@code tag offset} record ('k' parked, 'c' committing). */
    public void putMarker(byte tag, long offset) {
        put(TransactionLayout.offsetKey(tag, offset), EMPTY);
    }

    public void deleteMarker(byte tag, long offset) {
        delete(TransactionLayout.offsetKey(tag, offset));
    }

    /** Remembers a settled half: {@code 't' offset} and {@code 's' settledAtMs offset}. */
    public void putSettled(long offset, byte outcome, long settledAtMs) {
        put(
                TransactionLayout.offsetKey(TransactionLayout.SETTLED, offset),
                TransactionLayout.settledValue(outcome, settledAtMs));
        put(TransactionLayout.timeKey(TransactionLayout.SETTLED_BY_AGE, settledAtMs, offset), EMPTY);
    }

    public void deleteSettled(long offset, long settledAtMs) {
        delete(TransactionLayout.offsetKey(TransactionLayout.SETTLED, offset));
        delete(TransactionLayout.timeKey(TransactionLayout.SETTLED_BY_AGE, settledAtMs, offset));
    }

    public void putLong(byte[] metaKey, long value) {
        put(metaKey, TransactionLayout.longValue(value));
    }

    public void delete(byte[] key) {
        try {
            batch.delete(family, key);
        } catch (RocksDBException e) {
            throw failure("add a delete to a batch", e);
        }
    }

    private void put(byte[] key, byte[] value) {
        try {
            batch.put(family, key, value);
        } catch (RocksDBException e) {
            throw failure("add a record to a batch", e);
        }
    }

    /** Applies the batch (nothing when it is empty). */
    public void write() {
        if (batch.count() == 0) {
            return;
        }
        try {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("write the transaction index", e);
        } finally {
            batch.clear();
        }
    }

    /** Forgets what the batch holds (after a failed step). */
    public void discardBatch() {
        batch.clear();
    }

    /** Forces RocksDB's write-ahead log: every write made before is durable. */
    public void sync() {
        storeDb.syncWal();
    }

    // ---- reads (any thread) ----

    /** The unsettled half at {@code offset}, filled into {@code into}, or null. */
    public HalfEntry half(long offset, HalfEntry into) {
        byte[] value = get(TransactionLayout.offsetKey(TransactionLayout.HALF, offset));
        return value == null ? null : HalfEntryLayout.decode(offset, value, into);
    }

    /** The outcome of the settled half at {@code offset} (a {@code TransactionLayout.OUTCOME_*}), or 0. */
    public byte settledOutcome(long offset) {
        byte[] value = get(TransactionLayout.offsetKey(TransactionLayout.SETTLED, offset));
        return value == null || value.length != TransactionLayout.SETTLED_VALUE_SIZE ? 0 : value[0];
    }

    public boolean hasMarker(byte tag, long offset) {
        return get(TransactionLayout.offsetKey(tag, offset)) != null;
    }

    /** A meta number, or {@code missing} when the record is absent. */
    public long readLong(byte[] metaKey, long missing) {
        byte[] bytes = get(metaKey);
        return bytes == null || bytes.length != 8 ? missing : TransactionLayout.getLong(bytes, 0);
    }

    /** Segment pin counts: {@code 0xFF 'g' segment} records. */
    public TreeMap<Long, Long> segmentCounts() {
        TreeMap<Long, Long> found = new TreeMap<>();
        byte[] prefix = {TransactionLayout.META, TransactionLayout.SEGMENT_TAG};
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length != 10 || k[0] != prefix[0] || k[1] != prefix[1]) {
                    break;
                }
                byte[] v = it.value();
                found.put(TransactionLayout.getLong(k, 2), v.length == 8 ? TransactionLayout.getLong(v, 0) : 0L);
            }
        }
        return found;
    }

    /** When the earliest pending half is due, or -1 when none is. */
    public long firstDueMs() {
        try (RocksIterator it = db.newIterator(family)) {
            it.seek(new byte[] {TransactionLayout.DUE});
            if (it.isValid()) {
                byte[] k = it.key();
                if (k.length == TransactionLayout.TIME_KEY_SIZE && k[0] == TransactionLayout.DUE) {
                    return TransactionLayout.timeOf(k);
                }
            }
        }
        return -1;
    }

    /**
     * Visits {@code tag ms offset} records in order while {@code ms <= throughMs}, at most {@code
     * limit}; returns how many were visited.
     */
    public int scanTimeKeys(byte tag, long throughMs, int limit, TimeKeyVisitor visitor) {
        int visited = 0;
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seek(new byte[] {tag}); visited < limit && it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length != TransactionLayout.TIME_KEY_SIZE || k[0] != tag) {
                    break;
                }
                long ms = TransactionLayout.timeOf(k);
                if (ms > throughMs) {
                    break;
                }
                visitor.visit(ms, TransactionLayout.timeKeyOffset(k));
                visited++;
            }
        }
        return visited;
    }

    /**
     * Visits {@code tag offset} records in offset order from {@code fromOffset}, while the visitor
     * returns true, at most {@code limit}; returns how many were visited.
     */
    public int scanOffsetKeys(byte tag, long fromOffset, int limit, OffsetKeyVisitor visitor) {
        int visited = 0;
        try (RocksIterator it = db.newIterator(family)) {
            for (it.seek(TransactionLayout.offsetKey(tag, Math.max(0, fromOffset)));
                    visited < limit && it.isValid();
                    it.next()) {
                byte[] k = it.key();
                if (k.length != TransactionLayout.OFFSET_KEY_SIZE || k[0] != tag) {
                    break;
                }
                visited++;
                if (!visitor.visit(TransactionLayout.offsetOf(k), it.value())) {
                    break;
                }
            }
        }
        return visited;
    }

    private byte[] get(byte[] key) {
        try {
            return db.get(family, key);
        } catch (RocksDBException e) {
            throw failure("read the transaction index", e);
        }
    }

    /** Visits one {@code tag ms offset} record. */
    @FunctionalInterface
    public interface TimeKeyVisitor {
        void visit(long ms, long offset);
    }

    /** Visits one {@code tag offset} record; false stops the scan. */
    @FunctionalInterface
    public interface OffsetKeyVisitor {
        boolean visit(long offset, byte[] value);
    }

    @Override
    public void close() {
        batch.close();
        writeOptions.close();
    }

    private static StoreException failure(String what, RocksDBException e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
