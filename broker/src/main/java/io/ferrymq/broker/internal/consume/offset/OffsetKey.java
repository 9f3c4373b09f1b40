package io.ferrymq.broker.internal.consume.offset;

import java.nio.charset.StandardCharsets;

/**
 * Which offset: a consumer group's position in one queue. Its RocksDB key is {@code
 * group@topic@queueId} in UTF-8 ('@' appears in neither group nor topic names). Immutable.
 */
public record OffsetKey(String group, String topic, int queueId) {

    byte[] toBytes() {
        return (group + '@' + topic + '@' + queueId).getBytes(StandardCharsets.UTF_8);
    }

    static OffsetKey fromBytes(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int first = text.indexOf('@');
        int last = text.lastIndexOf('@');
        if (first < 0 || last == first) {
            throw new IllegalArgumentException("malformed offset key '" + text + "'");
        }
        return new OffsetKey(
                text.substring(0, first), text.substring(first + 1, last), Integer.parseInt(text.substring(last + 1)));
    }
}
