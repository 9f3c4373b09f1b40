package io.ferrymq.consumequeue;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.protocol.message.EncodableMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real stored-message records ({@link MessageRecord}) with chosen properties, for tests. */
public final class TestRecord {
    private TestRecord() {}

    /** A record with KEYS, UNIQ_KEY and TAGS (each omitted when null). */
    public static MessageRecord of(String topic, int queueId, String body, String keys, String uniqKey, String tags) {
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
        return new MessageRecord(message);
    }

    public static MessageRecord of(String topic, int queueId, String body) {
        return of(topic, queueId, body, null, null, null);
    }
}
