package io.ferrymq.broker.consume;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TopicConfigTable} in memory, for consume-side tests. Thread-safe. */
final class InMemoryTopics implements TopicConfigTable {
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile DataVersion version = DataVersion.initial(Clock.systemUTC());

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
        return version;
    }

    @Override
    public TopicConfig put(TopicConfig config) {
        topics.put(config.topicName(), config);
        changed();
        return config;
    }

    @Override
    public boolean delete(String topic) {
        boolean existed = topics.remove(topic) != null;
        changed();
        return existed;
    }

    @Override
    public Optional<TopicConfig> createOnSend(String topic, String templateTopic, int requestedQueueNums, int sysFlag) {
        return Optional.empty();
    }

    @Override
    public TopicConfig createIfAbsent(String topic, int queueNums) {
        TopicConfig existing = topics.get(topic);
        return existing != null
                ? existing
                : put(TopicConfig.of(topic, queueNums, queueNums, PermName.PERM_READ | PermName.PERM_WRITE));
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        version = version.next(Clock.systemUTC());
        listeners.forEach(Runnable::run);
    }
}
