package io.ferrymq.protocol.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the dispatcher indexes of a stored record, read in one pass: the topic bytes, the TAGS hash
 * (the consume-queue tags code) and where the KEYS and UNIQ_KEY values are. The topic and the
 * property string are each copied out of the (mapped, off-heap) record with one bulk read, then scanned
 * as plain arrays; nothing is allocated per record unless a tag is non-ASCII.
 *
 * <p>When a property appears twice the last one counts, as for {@link MessageProperties#find}.
 *
 * <p>Reusable and not thread-safe: one per dispatching thread; the arrays it exposes are valid until
 * the next {@link #read}.
 */
public final class IndexFields {
    private static final int ABSENT = -1;
    private static final byte[] TAGS = MessageProperty.TAGS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYS = MessageProperty.KEYS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNIQ_KEY = MessageProperty.UNIQ_KEY.getBytes(StandardCharsets.US_ASCII);

    private byte[] topic = new byte[128];
    private int topicLength;
    private byte[] properties = new byte[512];
    private int tagsStart;
    private int tagsEnd;
    private int keysStart;
    private int keysEnd;
    private int uniqKeyStart;
    private int uniqKeyEnd;

    /** Reads {@code record}'s topic and index properties; returns this. */
    public IndexFields read(StoredRecord record) {
        var buffer = record.buffer();
        int topicAt = record.topicPosition();
        topicLength = record.topicLength();
        if (topic.length < topicLength) {
            topic = new byte[Math.max(topicLength, topic.length * 2)];
        }
        buffer.get(topicAt, topic, 0, topicLength);
        int propertiesAt = topicAt + topicLength;
        int length = buffer.getShort(propertiesAt) & 0xFFFF;
        if (properties.length < length) {
            properties = new byte[Math.max(length, properties.length * 2)];
        }
        buffer.get(propertiesAt + 2, properties, 0, length);
        scan(length);
        return this;
    }

    private void scan(int length) {
        tagsStart = keysStart = uniqKeyStart = ABSENT;
        byte[] bytes = properties;
        int start = 0;
        while (start < length) {
            int separator = ABSENT;
            int end = start;
            while (end < length && bytes[end] != MessageProperties.PROPERTY_SEPARATOR) {
                if (separator == ABSENT && bytes[end] == MessageProperties.NAME_VALUE_SEPARATOR) {
                    separator = end;
                }
                end++;
            }
            if (separator > start && separator < end - 1) {
                int nameLength = separator - start;
                if (nameIs(start, nameLength, TAGS)) {
                    tagsStart = separator + 1;
                    tagsEnd = end;
                } else if (nameIs(start, nameLength, KEYS)) {
                    keysStart = separator + 1;
                    keysEnd = end;
                } else if (nameIs(start, nameLength, UNIQ_KEY)) {
                    uniqKeyStart = separator + 1;
                    uniqKeyEnd = end;
                }
            }
            start = end + 1;
        }
    }

    private boolean nameIs(int start, int length, byte[] name) {
        return length == name.length && Arrays.equals(properties, start, start + length, name, 0, length);
    }

    /** The topic's UTF-8 bytes are {@code topicBytes()[0, topicLength())}. */
    public byte[] topicBytes() {
        return topic;
    }

    public int topicLength() {
        return topicLength;
    }

    /** {@code String.hashCode()} of the TAGS value, 0 without one. */
    public int tagsHashCode() {
        if (tagsStart == ABSENT) {
            return 0;
        }
        int hash = 0;
        for (int i = tagsStart; i < tagsEnd; i++) {
            byte b = properties[i];
            if (b < 0) {
                return new String(properties, tagsStart, tagsEnd - tagsStart, StandardCharsets.UTF_8).hashCode();
            }
            hash = 31 * hash + b;
        }
        return hash;
    }

    /** The property bytes the {@code keys*} and {@code uniqKey*} positions index into. */
    public byte[] propertyBytes() {
        return properties;
    }

    public boolean hasKeys() {
        return keysStart != ABSENT;
    }

    /** Start of the KEYS value in {@link #propertyBytes()}; only when {@link #hasKeys()}. */
    public int keysStart() {
        return keysStart;
    }

    public int keysEnd() {
        return keysEnd;
    }

    public boolean hasUniqKey() {
        return uniqKeyStart != ABSENT;
    }

    /** Start of the UNIQ_KEY value in {@link #propertyBytes()}; only when {@link #hasUniqKey()}. */
    public int uniqKeyStart() {
        return uniqKeyStart;
    }

    public int uniqKeyEnd() {
        return uniqKeyEnd;
    }
}
