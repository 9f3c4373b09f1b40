package io.ferrymq.broker.internal.topic;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topics in the RocksDB column family {@code topics}: one JSON {@link TopicConfig} per
 * topic name, and the {@link DataVersion} under a key no legal topic name can take. Each change
 * writes the topic and the bumped version in one atomic batch, then tells the listeners. Reads come
 * from an in-memory copy.
 *
 * <p>Thread-safe: reads are lock-free; changes are serialised on this object.
 */
public final class RocksTopicConfigTable implements TopicConfigTable {
    static final String FAMILY = "topics";
    private static final Logger LOG = LoggerFactory.getLogger(RocksTopicConfigTable.class);
    private static final byte[] VERSION_KEY = "\u0000dataVersion".getBytes(StandardCharsets.UTF_8);

    private final StoreDb db;
    private final ColumnFamilyHandle family;
    private final Clock clock;
    private final boolean autoCreateTopicEnable;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile DataVersion dataVersion;

    private RocksTopicConfigTable(StoreDb db, Clock clock, boolean autoCreateTopicEnable) {
        this.db = db;
        this.family = db.family(FAMILY);
        this.clock = clock;
        this.autoCreateTopicEnable = autoCreateTopicEnable;
    }

    /**
     * Loads the table from {@code db} and makes sure the {@code systemTopics} exist (TBW102 is
     * removed when auto-create is off, so it is not announced to the nameservers).
     */
    public static RocksTopicConfigTable open(
            StoreDb db, Clock clock, boolean autoCreateTopicEnable, Collection<TopicConfig> systemTopics) {
        RocksTopicConfigTable table = new RocksTopicConfigTable(db, clock, autoCreateTopicEnable);
        table.load();
        if (!autoCreateTopicEnable) {
            table.delete(TopicNames.AUTO_CREATE_TEMPLATE);
        }
        for (TopicConfig topic : systemTopics) {
            if (!topic.equals(table.topics.get(topic.topicName()))) {
                table.put(topic);
            }
        }
        return table;
    }

    private void load() {
        DataVersion version = null;
        try (RocksIterator it = db.rocksDb().newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                if (java.util.Arrays.equals(it.key(), VERSION_KEY)) {
                    version = JsonBodyCodec.decode(it.value(), DataVersion.class);
                } else {
                    TopicConfig topic = JsonBodyCodec.decode(it.value(), TopicConfig.class);
                    topics.put(topic.topicName(), topic);
                }
            }
        }
        dataVersion = version != null ? version : DataVersion.initial(clock);
        LOG.info("loaded {} topics, data version {}", topics.size(), dataVersion);
    }

    @Override
    public Optional<TopicConfig> find(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }

    @Override
    public Collection<TopicConfig> all() {
        return List.copyOf(topics.values());
    }

    @Override
    public DataVersion dataVersion() {
        return dataVersion;
    }

    @Override
    public TopicConfig put(TopicConfig config) {
        synchronized (this) {
            DataVersion next = dataVersion.next(clock);
            write(config.topicName(), JsonBodyCodec.encode(config), next);
            topics.put(config.topicName(), config);
            dataVersion = next;
        }
        LOG.info("topic {} set: {}", config.topicName(), config);
        changed();
        return config;
    }

    @Override
    public boolean delete(String topic) {
        synchronized (this) {
            if (!topics.containsKey(topic)) {
                return false;
            }
            DataVersion next = dataVersion.next(clock);
            write(topic, null, next);
            topics.remove(topic);
            dataVersion = next;
        }
        LOG.info("topic {} deleted", topic);
        changed();
        return true;
    }

    @Override
    public Optional<TopicConfig> createOnSend(
            String topic, String templateTopic, int requestedQueueNums, int topicSysFlag) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return Optional.of(existing);
        }
        TopicConfig template = templateTopic == null ? null : topics.get(templateTopic);
        if (template == null || !inheritable(template)) {
            return Optional.empty();
        }
        synchronized (this) {
            existing = topics.get(topic);
            if (existing != null) {
                return Optional.of(existing);
            }
            int queues = Math.max(1, Math.min(requestedQueueNums, template.writeQueueNums()));
            int perm = template.perm() & ~PermName.PERM_INHERIT;
            return Optional.of(put(new TopicConfig(
                    topic, queues, queues, perm, template.topicFilterType(), topicSysFlag, false, Map.of())));
        }
    }

    private boolean inheritable(TopicConfig template) {
        if (template.topicName().equals(TopicNames.AUTO_CREATE_TEMPLATE) && !autoCreateTopicEnable) {
            return false;
        }
        return PermName.isInherited(template.perm());
    }

    @Override
    public TopicConfig createIfAbsent(String topic, int queueNums) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = topics.get(topic);
            return existing != null
                    ? existing
                    : put(TopicConfig.of(topic, queueNums, queueNums, PermName.PERM_READ | PermName.PERM_WRITE));
        }
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void write(String topic, byte[] value, DataVersion version) {
        byte[] key = topic.getBytes(StandardCharsets.UTF_8);
        try (WriteBatch batch = new WriteBatch();
                WriteOptions options = new WriteOptions()) {
            if (value == null) {
                batch.delete(family, key);
            } else {
                batch.put(family, key, value);
            }
            batch.put(family, VERSION_KEY, JsonBodyCodec.encode(version));
            db.rocksDb().write(options, batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot write topic " + topic + " to RocksDB: " + e.getMessage(), e);
        }
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
