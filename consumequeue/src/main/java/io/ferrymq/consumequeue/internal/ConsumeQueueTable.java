package io.ferrymq.consumequeue.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every consume queue of the store: topic → queue id → {@link ConsumeQueue}, created on demand under
 * {@code <store>/consumequeue/<topic>/<queueId>/}.
 *
 * <p>Lookups are safe from any thread; creation and replacement belong to the dispatcher (and to
 * recovery before the store opens).
 */
public final class ConsumeQueueTable {
    private final Path root;
    private final int entriesPerFile;
    private final ConcurrentHashMap<String, TopicQueues> topics = new ConcurrentHashMap<>();

    public ConsumeQueueTable(Path root, int entriesPerFile) {
        if (entriesPerFile < 1) {
            throw new IllegalArgumentException("a consume queue file must hold at least one entry");
        }
        this.root = root;
        this.entriesPerFile = entriesPerFile;
    }

    public Path root() {
        return root;
    }

    public int entriesPerFile() {
        return entriesPerFile;
    }

    /** The queue, or null when nothing was ever dispatched to it. */
    public ConsumeQueue find(String topic, int queueId) {
        TopicQueues queues = topics.get(topic);
        return queues == null ? null : queues.find(queueId);
    }

    /** Writer thread only. */
    public ConsumeQueue findOrCreate(String topic, int queueId) {
        return topicQueues(topic).findOrCreate(queueId);
    }

    TopicQueues topicQueues(String topic) {
        return topics.computeIfAbsent(topic, name -> new TopicQueues(name, root.resolve(name), entriesPerFile));
    }

    /** Installs a queue loaded from disk. Recovery only. */
    void put(ConsumeQueue queue) {
        topicQueues(queue.topic()).put(queue);
    }

    /** A snapshot of every queue. */
    public List<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        for (TopicQueues queues : topics.values()) {
            for (ConsumeQueue queue : queues.snapshot()) {
                if (queue != null) {
                    all.add(queue);
                }
            }
        }
        return all;
    }
}
