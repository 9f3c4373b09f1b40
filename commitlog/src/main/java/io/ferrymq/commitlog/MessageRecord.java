package io.ferrymq.commitlog;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A prepared message (topic bytes, properties, body CRC and hosts all computed before the append) as
 * a {@link RecordSource}: the appender only adds the offsets and the store time, in the stored-message
 * layout of {@link io.ferrymq.protocol.message.MessageRecordLayout}. Immutable and thread-safe.
 */
public final class MessageRecord implements RecordSource {
    private final EncodableMessage message;
    private final String topic;

    public MessageRecord(EncodableMessage message) {
        this.message = message;
        this.topic = new String(message.topic(), StandardCharsets.UTF_8);
    }

    public EncodableMessage message() {
        return message;
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
