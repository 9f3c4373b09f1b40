package io.ferrymq.consumequeue.internal;

import io.ferrymq.protocol.message.IndexFields;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds a topic's {@link TopicQueues} from the topic bytes of a stored record without building a
 * String: the previous record's topic is checked first (records of one topic come in runs), then an
 * open-addressing table keyed by the UTF-8 bytes. A miss decodes the topic once and remembers it, so
 * the dispatcher allocates per new topic, not per record.
 *
 * <p>Not thread-safe: owned by the dispatcher thread.
 */
final class TopicLookup {
    private final ConsumeQueueTable table;
    private byte[][] keys = new byte[64][];
    private TopicQueues[] values = new TopicQueues[64];
    private int size;
    private byte[] lastKey;
    private TopicQueues lastValue;

    TopicLookup(ConsumeQueueTable table) {
        this.table = table;
    }

    TopicQueues find(IndexFields fields) {
        byte[] bytes = fields.topicBytes();
        int length = fields.topicLength();
        if (lastKey != null && Arrays.equals(lastKey, 0, lastKey.length, bytes, 0, length)) {
            return lastValue;
        }
        int mask = keys.length - 1;
        int slot = hash(bytes, length) & mask;
        while (keys[slot] != null) {
            byte[] key = keys[slot];
            if (Arrays.equals(key, 0, key.length, bytes, 0, length)) {
                lastKey = key;
                lastValue = values[slot];
                return lastValue;
            }
            slot = (slot + 1) & mask;
        }
        String topic = new String(bytes, 0, length, StandardCharsets.UTF_8);
        TopicQueues queues = table.topicQueues(topic);
        byte[] key = Arrays.copyOf(bytes, length);
        insert(key, queues);
        lastKey = key;
        lastValue = queues;
        return queues;
    }

    private void insert(byte[] key, TopicQueues queues) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(key, key.length) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = queues;
        size++;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        TopicQueues[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new TopicQueues[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(byte[] bytes, int length) {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
