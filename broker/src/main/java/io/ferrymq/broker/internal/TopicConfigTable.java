package io.ferrymq.broker.internal;

import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.TopicConfig;
import java.util.Collection;
import java.util.Optional;

/**
 * The broker's topics, persisted in RocksDB (column family {@code topics}); every change bumps the
 * data version and is announced to listeners (the nameserver registrar re-registers). Thread-safe.
 */
public interface TopicConfigTable {
    Optional<TopicConfig> find(String topic);

    Collection<TopicConfig> all();

    DataVersion dataVersion();

    /** Creates or replaces a topic (admin UPDATE_AND_CREATE_TOPIC). */
    TopicConfig put(TopicConfig config);

    /** Removes a topic; returns whether it existed. */
    boolean delete(String topic);

    /**
     * The topic, created now if absent from the template topic's settings (auto-create on send):
     * {@code queueNums = min(requestedQueueNums, template.writeQueueNums)}, perm = template perm
     * without INHERIT. Empty when the template is missing, not inheritable, or auto-create is off.
     */
    Optional<TopicConfig> createOnSend(String topic, String templateTopic, int requestedQueueNums, int topicSysFlag);

    /** The topic, created now with {@code queueNums} queues and perm 6 if absent (retry and DLQ topics). */
    TopicConfig createIfAbsent(String topic, int queueNums);

    /** Called (on the changing thread) after every change. */
    void addChangeListener(Runnable listener);
}
