package io.ferrymq.bench.store;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageRecordLayout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/** One prepared message of an exact stored size, appended again and again. Immutable, shareable. */
final class FixedRecord {
    private FixedRecord() {}

    /** A message whose stored record is exactly {@code recordBytes} long. */
    static MessageRecord ofSize(int recordBytes, String topic, int queueId) {
        byte[] properties = MessageProperties.encode(
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
        return new MessageRecord(message);
    }

    /** The encoded bytes of {@code record}, as a baseline writer would write them. */
    static ByteBuffer bytes(MessageRecord record) {
        ByteBuffer buffer = ByteBuffer.allocate(record.recordSize());
        MessageRecordEncoder.encode(buffer, record.message(), 0, 0, 0);
        return buffer.flip();
    }
}
