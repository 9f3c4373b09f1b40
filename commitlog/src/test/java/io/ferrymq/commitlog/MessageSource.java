package io.ferrymq.commitlog;

import io.ferrymq.protocol.message.EncodableMessage;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Real stored-message records ({@link MessageRecord}) for tests. */
public final class MessageSource {
    private MessageSource() {}

    public static MessageRecord of(String topic, int queueId, byte[] body) {
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .body(body)
                .properties("KEYS\u0001k\u0002")
                .build();
        return new MessageRecord(message);
    }

    /** A record of exactly {@code recordSize} bytes (at least the overhead) with a random body. */
    public static MessageRecord ofSize(String topic, int queueId, int recordSize, Random random) {
        int overhead = of(topic, queueId, new byte[0]).recordSize();
        byte[] body = new byte[Math.max(0, recordSize - overhead)];
        random.nextBytes(body);
        return of(topic, queueId, body);
    }

    public static MessageRecord text(String topic, int queueId, String body) {
        return of(topic, queueId, body.getBytes(StandardCharsets.UTF_8));
    }
}
