package io.ferrymq.consumequeue.internal;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The consume queues of one topic, indexed by queue id. Created on demand by the dispatcher (the
 * single writer); read from any thread through a volatile array.
 */
final class TopicQueues {
    private static final ConsumeQueue[] NONE = new ConsumeQueue[0];

    private final String topic;
    private final byte[] topicBytes;
    private final Path dir;
    private final int entriesPerFile;
    private volatile ConsumeQueue[] queues = NONE;

    TopicQueues(String topic, Path dir, int entriesPerFile) {
        this.topic = topic;
        this.topicBytes = topic.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.dir = dir;
        this.entriesPerFile = entriesPerFile;
    }

    String topic() {
        return topic;
    }

    /** The topic in UTF-8; callers must not change it. */
    byte[] topicBytes() {
        return topicBytes;
    }

    ConsumeQueue find(int queueId) {
        ConsumeQueue[] current = queues;
        return queueId >= 0 && queueId < current.length ? current[queueId] : null;
    }

    /** Writer thread only. */
    ConsumeQueue findOrCreate(int queueId) {
        ConsumeQueue queue = find(queueId);
        if (queue == null) {
            queue = new ConsumeQueue(topic, queueId, dir.resolve(Integer.toString(queueId)), entriesPerFile);
            put(queue);
        }
        return queue;
    }

    /** Installs (or replaces) a queue. Writer thread only. */
    void put(ConsumeQueue queue) {
        if (queue.queueId() < 0) {
            throw new IllegalArgumentException("negative queue id " + queue.queueId() + " in topic " + topic);
        }
        ConsumeQueue[] current = queues;
        ConsumeQueue[] next = Arrays.copyOf(current, Math.max(current.length, queue.queueId() + 1));
        next[queue.queueId()] = queue;
        queues = next;
    }

    ConsumeQueue[] snapshot() {
        return queues;
    }
}
