package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Committed consumer offsets: an in-memory map (what reads see) written through to RocksDB (family
 * {@value #FAMILY}, key {@link OffsetKey}, value an 8-byte big-endian long) so they survive restarts.
 * A commit of an unchanged value costs no write (consumers re-commit every queue every 5 s).
 *
 * <p>Thread-safe: commits of one key are serialised (the RocksDB write happens inside the map's
 * per-key compute), so the stored value is always the last one in memory.
 */
public final class ConsumerOffsetTable {
    public static final String FAMILY = "offsets";

    private final StoreDb db;
    private final ColumnFamilyHandle family;
    private final Map<OffsetKey, Long> offsets = new ConcurrentHashMap<>();

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

    /** Stores {@code offset} as the group's position in the queue. */
    public void commit(String group, String topic, int queueId, long offset) {
        OffsetKey key = new OffsetKey(group, topic, queueId);
        offsets.compute(key, (k, old) -> {
            if (old == null || old != offset) {
                write(k, offset);
            }
            return offset;
        });
    }

    private void write(OffsetKey key, long offset) {
        try {
            db.rocksDb()
                    .put(
                            family,
                            key.toBytes(),
                            ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        } catch (RocksDBException e) {
            throw new StoreException("cannot store the offset of " + key, e);
        }
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
    public void deleteGroup(String group) {
        offsets.keySet().removeIf(key -> key.group().equals(group) && delete(key));
    }

    /** Forgets every offset in the topic (DELETE_TOPIC_IN_BROKER). */
    public void deleteTopic(String topic) {
        offsets.keySet().removeIf(key -> key.topic().equals(topic) && delete(key));
    }

    private boolean delete(OffsetKey key) {
        try {
            db.rocksDb().delete(family, key.toBytes());
            return true;
        } catch (RocksDBException e) {
            throw new StoreException("cannot delete the offset of " + key, e);
        }
    }
}
