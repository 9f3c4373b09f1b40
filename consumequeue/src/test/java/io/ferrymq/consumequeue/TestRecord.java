package io.ferrymq.consumequeue;

import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real stored-message record with chosen properties, as a {@link RecordSource}, for tests. */
public final class TestRecord implements RecordSource {
    private final String topic;
    private final EncodableMessage message;

    private TestRecord(String topic, EncodableMessage message) {
        this.topic = topic;
        this.message = message;
    }

    /** A record with KEYS, UNIQ_KEY and TAGS (each omitted when null). */
    public static TestRecord of(String topic, int queueId, String body, String keys, String uniqKey, String tags) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (keys != null) {
            properties.put("KEYS", keys);
        }
        if (uniqKey != null) {
            properties.put("UNIQ_KEY", uniqKey);
        }
        if (tags != null) {
            properties.put("TAGS", tags);
        }
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
        return new TestRecord(topic, message);
    }

    public static TestRecord of(String topic, int queueId, String body) {
        return of(topic, queueId, body, null, null, null);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int queueId() {
        return message.queueId();
    }

    @Override
    public int recordSize() {
        return message.recordSize();
    }

    @Override
    public void encode(ByteBuffer target, long physicalOffset, long queueOffset, long storeTimestampMs) {
        MessageRecordEncoder.encode(target, message, queueOffset, physicalOffset, storeTimestampMs);
    }
}
