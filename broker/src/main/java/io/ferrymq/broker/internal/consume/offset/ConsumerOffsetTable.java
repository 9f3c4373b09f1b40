package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Committed consumer offsets: an in-memory map (what reads see), persisted to RocksDB (family
 * {@value #FAMILY}, key {@link OffsetKey}, value an 8-byte big-endian long) so they survive restarts.
 * A commit only changes the map and marks the key dirty; {@link #flush()} writes the dirty keys' current
 * values in one batch. The broker flushes every {@code flushConsumerOffsetInterval} ms and when it
 * closes, as Apache RocketMQ does: a consumer pulling a backlog commits with every pull, and a RocksDB
 * write per pull cost a tenth of the broker. After a {@code kill -9} a group resumes from its offsets of
 * the last flush at worst, so it sees up to one interval's messages again (at-least-once, as with any
 * consumer that crashes before committing).
 *
 * <p>Thread-safe. Flushes and deletions are serialised with each other (a flush never writes back a
 * key a deletion just removed); commits run beside both.
 */
public final class ConsumerOffsetTable {
    public static final String FAMILY = "offsets";

    private final StoreDb db;
    private final ColumnFamilyHandle family;
    private final Map<OffsetKey, Long> offsets = new ConcurrentHashMap<>();
    private final Set<OffsetKey> dirty = ConcurrentHashMap.newKeySet();

    public ConsumerOffsetTable(StoreDb db) {
        this.db = db;
        this.family = db.family(FAMILY);
        try (RocksIterator it = db.rocksDb().newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                offsets.put(
                        OffsetKey.fromBytes(it.key()),
                        ByteBuffer.wrap(it.value()).getLong());
            }
        }
    }

    /** The committed offset, or empty when the group never committed one for the queue. */
    public OptionalLong find(String group, String topic, int queueId) {
        Long offset = offsets.get(new OffsetKey(group, topic, queueId));
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * Takes {@code offset} as the group's position in the queue: visible to reads at once, persisted
     * by the next {@link #flush()}. Re-committing an unchanged value marks nothing.
     */
    public void commit(String group, String topic, int queueId, long offset) {
        OffsetKey key = new OffsetKey(group, topic, queueId);
        Long old = offsets.put(key, offset);
        if (old == null || old != offset) {
            dirty.add(key);
        }
    }

    /**
     * Writes every offset committed since the last flush in one RocksDB batch (no fsync: like the rest
     * of the broker's RocksDB writes, it survives a killed process, the commit log's flush guards power
     * loss). Returns how many offsets it wrote.
     *
     * @throws StoreException when RocksDB refuses the batch; the keys stay dirty for the next flush
     */
    public synchronized int flush() {
        if (dirty.isEmpty()) {
            return 0;
        }
        List<OffsetKey> keys = new ArrayList<>(dirty);
        dirty.removeAll(keys);
        try (WriteBatch batch = new WriteBatch();
                WriteOptions options = new WriteOptions()) {
            int written = 0;
            for (OffsetKey key : keys) {
                Long offset = offsets.get(key);
                if (offset != null) {
                    batch.put(
                            family,
                            key.toBytes(),
                            ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
                    written++;
                }
            }
            db.rocksDb().write(options, batch);
            return written;
        } catch (RocksDBException e) {
            dirty.addAll(keys);
            throw new StoreException("cannot store " + keys.size() + " consumer offsets", e);
        }
    }

    /** Offsets committed but not yet flushed (diagnostics and tests). */
    public int unflushed() {
        return dirty.size();
    }

    /** The group's offsets: topic → (queueId → offset), sorted. */
    public Map<String, Map<Integer, Long>> ofGroup(String group) {
        Map<String, Map<Integer, Long>> result = new TreeMap<>();
        offsets.forEach((key, offset) -> {
            if (key.group().equals(group)) {
                result.computeIfAbsent(key.topic(), t -> new TreeMap<>()).put(key.queueId(), offset);
            }
        });
        return result;
    }

    /** Every offset, keyed {@code topic@group} → (queueId → offset), as GET_ALL_CONSUMER_OFFSET reports them. */
    public Map<String, Map<Integer, Long>> all() {
        Map<String, Map<Integer, Long>> result = new TreeMap<>();
        offsets.forEach((key, offset) -> result.computeIfAbsent(key.topic() + '@' + key.group(), t -> new TreeMap<>())
                .put(key.queueId(), offset));
        return result;
    }

    /** Forgets every offset of the group (DELETE_SUBSCRIPTIONGROUP with cleanOffset). */
    public synchronized void deleteGroup(String group) {
        offsets.keySet().removeIf(key -> key.group().equals(group) && delete(key));
    }

    /** Forgets every offset in the topic (DELETE_TOPIC_IN_BROKER). */
    public synchronized void deleteTopic(String topic) {
        offsets.keySet().removeIf(key -> key.topic().equals(topic) && delete(key));
    }

    private boolean delete(OffsetKey key) {
        dirty.remove(key);
        try {
            db.rocksDb().delete(family, key.toBytes());
            return true;
        } catch (RocksDBException e) {
            throw new StoreException("cannot delete the offset of " + key, e);
        }
    }
}
