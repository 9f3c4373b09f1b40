package io.ferrymq.broker.internal.consume.group;

import com.alibaba.fastjson2.JSON;
import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import io.ferrymq.protocol.route.DataVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The broker's subscription groups: an in-memory map read without locks, written through to RocksDB
 * (family {@value #FAMILY}, key = group name, value = the config's JSON) so groups survive restarts.
 *
 * <p>Thread-safe: reads are lock-free; writes are serialised on this table (the one writer of the
 * family).
 */
public final class SubscriptionGroupTable {
    public static final String FAMILY = "groups";

    private final StoreDb db;
    private final ColumnFamilyHandle family;
    private final Clock clock;
    private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion;

    public SubscriptionGroupTable(StoreDb db, Clock clock) {
        this.db = db;
        this.family = db.family(FAMILY);
        this.clock = clock;
        this.dataVersion = DataVersion.initial(clock);
        load();
    }

    private void load() {
        try (RocksIterator it = db.rocksDb().newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                SubscriptionGroupConfig config = JSON.parseObject(it.value(), SubscriptionGroupConfig.class);
                groups.put(config.groupName(), config);
            }
        }
    }

    public Optional<SubscriptionGroupConfig> find(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    public Collection<SubscriptionGroupConfig> all() {
        return List.copyOf(groups.values());
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** The group's config, created with defaults if absent. */
    public SubscriptionGroupConfig createIfAbsent(String group) {
        SubscriptionGroupConfig config = groups.get(group);
        return config != null ? config : putIfAbsent(SubscriptionGroupConfig.defaults(group));
    }

    private synchronized SubscriptionGroupConfig putIfAbsent(SubscriptionGroupConfig config) {
        SubscriptionGroupConfig existing = groups.get(config.groupName());
        return existing != null ? existing : put(config);
    }

    /** Creates or replaces a group. */
    public synchronized SubscriptionGroupConfig put(SubscriptionGroupConfig config) {
        try {
            db.rocksDb().put(family, key(config.groupName()), JSON.toJSONBytes(config));
        } catch (RocksDBException e) {
            throw new StoreException("cannot store subscription group " + config.groupName(), e);
        }
        groups.put(config.groupName(), config);
        dataVersion = dataVersion.next(clock);
        return config;
    }

    /** Removes a group; returns whether it existed. */
    public synchronized boolean delete(String group) {
        try {
            db.rocksDb().delete(family, key(group));
        } catch (RocksDBException e) {
            throw new StoreException("cannot delete subscription group " + group, e);
        }
        boolean existed = groups.remove(group) != null;
        dataVersion = dataVersion.next(clock);
        return existed;
    }

    private static byte[] key(String group) {
        return group.getBytes(StandardCharsets.UTF_8);
    }
}
