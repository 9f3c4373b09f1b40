package io.ferrymq.commitlog;

import java.util.HashMap;
import java.util.Map;

/** A test {@link QueueOffsetAssigner}: offsets per (topic, queue) in a map, from 0. Appender-lock only. */
public final class QueueOffsets implements QueueOffsetAssigner {
    private final Map<String, Long> next = new HashMap<>();

    @Override
    public long assign(String topic, int queueId, int count) {
        String key = topic + "#" + queueId;
        long first = next.getOrDefault(key, 0L);
        next.put(key, first + count);
        return first;
    }

    @Override
    public void rollback(String topic, int queueId, int count) {
        next.merge(topic + "#" + queueId, -(long) count, Long::sum);
    }
}
