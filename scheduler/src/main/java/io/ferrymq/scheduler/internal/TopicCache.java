package io.ferrymq.scheduler.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns topic names read as UTF-8 bytes, so releasing a message to a topic seen before allocates
 * neither the bytes nor the String. Open addressing over a power-of-two table; when it fills beyond
 * {@value #MAX_TOPICS} topics it starts over.
 *
 * <p>Not thread-safe: owned by the driver thread.
 */
final class TopicCache {
    static final int MAX_TOPICS = 4096;

    /** A topic as bytes and as a String. */
    record Topic(byte[] bytes, String name) {}

    private Topic[] table = new Topic[64];
    private int count;

    Topic intern(byte[] source, int at, int length) {
        int mask = table.length - 1;
        int index = hash(source, at, length) & mask;
        while (true) {
            Topic topic = table[index];
            if (topic == null) {
                return insert(index, source, at, length);
            }
            if (Arrays.equals(topic.bytes, 0, topic.bytes.length, source, at, at + length)) {
                return topic;
            }
            index = (index + 1) & mask;
        }
    }

    private Topic insert(int index, byte[] source, int at, int length) {
        byte[] bytes = Arrays.copyOfRange(source, at, at + length);
        Topic topic = new Topic(bytes, new String(bytes, StandardCharsets.UTF_8));
        if ((count + 1) * 4 > table.length * 3) {
            rehash(count >= MAX_TOPICS ? 64 : table.length * 2, count < MAX_TOPICS);
            return intern(source, at, length);
        }
        table[index] = topic;
        count++;
        return topic;
    }

    private void rehash(int capacity, boolean keep) {
        Topic[] old = table;
        table = new Topic[capacity];
        count = 0;
        if (!keep) {
            return;
        }
        for (Topic topic : old) {
            if (topic != null) {
                int index = hash(topic.bytes, 0, topic.bytes.length) & (capacity - 1);
                while (table[index] != null) {
                    index = (index + 1) & (capacity - 1);
                }
                table[index] = topic;
                count++;
            }
        }
    }

    private static int hash(byte[] source, int at, int length) {
        int hash = 1;
        for (int i = at; i < at + length; i++) {
            hash = 31 * hash + source[i];
        }
        return hash ^ (hash >>> 16);
    }
}
