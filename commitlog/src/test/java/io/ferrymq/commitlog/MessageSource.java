package io.ferrymq.commitlog;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A real stored-message record (protocol's encoder) as a {@link RecordSource}, for tests. */
public final class MessageSource implements RecordSource {
    private final String topic;
    private final EncodableMessage message;

    private MessageSource(String topic, EncodableMessage message) {
        this.topic = topic;
        this.message = message;
    }

    public static MessageSource of(String topic, int queueId, byte[] body) {
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .body(body)
                .properties("KEYS\u0001k\u0002")
                .build();
        return new MessageSource(topic, message);
    }

    /** A record of exactly {@code recordSize} bytes (at least the overhead) with a random body. */
    public static MessageSource ofSize(String topic, int queueId, int recordSize, Random random) {
        int overhead = of(topic, queueId, new byte[0]).recordSize();
        byte[] body = new byte[Math.max(0, recordSize - overhead)];
        random.nextBytes(body);
        return of(topic, queueId, body);
    }

    public static MessageSource text(String topic, int queueId, String body) {
        return of(topic, queueId, body.getBytes(StandardCharsets.UTF_8));
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
