package io.ferrymq.bench.store;

import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageRecordLayout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/** One prepared message of an exact stored size, appended again and again. Immutable, shareable. */
final class FixedRecord implements RecordSource {
    private final EncodableMessage message;
    private final String topic;

    private FixedRecord(EncodableMessage message, String topic) {
        this.message = message;
        this.topic = topic;
    }

    /** A message whose stored record is exactly {@code recordBytes} long. */
    static FixedRecord ofSize(int recordBytes, String topic, int queueId) {
        byte[] properties = io.ferrymq.protocol.message.MessageProperties.encode(
                Map.of("UNIQ_KEY", "7F0000010000000000000000000000AB", "WAIT", "true", "TAGS", "TagA"));
        int overhead = MessageRecordLayout.recordSize(0, topic.length(), properties.length, 0);
        byte[] body = new byte[recordBytes - overhead];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        InetSocketAddress host = new InetSocketAddress("127.0.0.1", 10911);
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .bornTimestamp(1_795_228_128_928L)
                .bornHost(host)
                .storeHost(host)
                .body(body)
                .properties(properties)
                .build();
        if (message.recordSize() != recordBytes) {
            throw new IllegalStateException("record is " + message.recordSize() + " bytes, wanted " + recordBytes);
        }
        return new FixedRecord(message, topic);
    }

    /** The encoded bytes, as a baseline writer would write them. */
    ByteBuffer bytes() {
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, 0, 0, 0);
        return buffer.flip();
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
