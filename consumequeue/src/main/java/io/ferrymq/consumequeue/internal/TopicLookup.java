package io.ferrymq.consumequeue.internal;

import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * Finds a topic's {@link TopicQueues} from the topic bytes of a stored record without building a
 * String: an open-addressing table keyed by the UTF-8 bytes. A miss decodes the topic once and
 * remembers it, so the dispatcher allocates per new topic, not per record.
 *
 * <p>Not thread-safe: owned by the dispatcher thread.
 */
final class TopicLookup {
    private final ConsumeQueueTable table;
    private byte[][] keys = new byte[64][];
    private TopicQueues[] values = new TopicQueues[64];
    private int size;

    TopicLookup(ConsumeQueueTable table) {
        this.table = table;
    }

    TopicQueues find(StoredRecord record) {
        ByteBuffer buffer = record.buffer();
        int position = record.topicPosition();
        int length = record.topicLength();
        int mask = keys.length - 1;
        int slot = hash(buffer, position, length) & mask;
        while (keys[slot] != null) {
            if (record.topicEquals(keys[slot])) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        String topic = record.topic();
        TopicQueues queues = table.topicQueues(topic);
        insert(topic.getBytes(java.nio.charset.StandardCharsets.UTF_8), queues);
        return queues;
    }

    private void insert(byte[] key, TopicQueues queues) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(ByteBuffer.wrap(key), 0, key.length) & mask;
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

    private static int hash(ByteBuffer buffer, int position, int length) {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            h = (h ^ buffer.get(position + i)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
