package io.ferrymq.transaction.internal;

import static io.ferrymq.protocol.message.MessageRecordLayout.*;

import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A stored half message re-encoded as the message its commit delivers, straight from the half's
 * bytes: the same bytes as a {@code MessageRecord} over {@link
 * io.ferrymq.transaction.HalfRecords#commit}, without copying the body to the heap first. Fixed
 * fields, hosts and body are copied as they are; the real topic and queue come from {@code
 * REAL_TOPIC}/{@code REAL_QID}; the sysFlag gets the COMMIT transaction type; {@code
 * preparedTransactionOffset} is the half's offset; the properties lose {@code TRAN_MSG}, {@code
 * REAL_TOPIC} and {@code REAL_QID}.
 *
 * <p>Reusable: {@link #wrap} the next half once the previous append has returned (the appender
 * encodes inside {@code append}). The half's bytes must stay mapped until then. Not thread-safe:
 * owned by the transaction agent's thread.
 */
final class CommitRecord implements RecordSource {
    private static final int MAX_CACHED_TOPICS = 4_096;

    private final HalfPropertyScan scan = new HalfPropertyScan();
    private final Map<String, byte[]> topicBytes = new HashMap<>();
    private byte[] properties = new byte[1024];
    private ByteBuffer source;
    private int sourceAt;
    private long halfOffset;
    private int sysFlag;
    private int bodyLengthAt;
    private int bodyLength;
    private String topic;
    private byte[] topicUtf8;
    private int queueId;
    private int size;

    /** Points at a half record; false (and unusable) when it has no {@code REAL_TOPIC}. */
    public boolean wrap(StoredRecord half) {
        source = half.buffer();
        sourceAt = half.position();
        halfOffset = half.physicalOffset();
        int length = half.propertiesLength();
        if (properties.length < length) {
            properties = new byte[Math.max(length, properties.length * 2)];
        }
        source.get(half.propertiesPosition(), properties, 0, length);
        scan.scan(properties, 0, length);
        if (!scan.hasRealTopic()) {
            topic = null;
            return false;
        }
        topic = scan.realTopic();
        topicUtf8 = utf8(topic);
        queueId = scan.realQueueId();
        sysFlag = MessageSysFlag.withTransactionType(half.sysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        bodyLengthAt = bodyLengthOffset(sysFlag);
        bodyLength = half.bodyLength();
        size = MessageRecordLayout.recordSize(bodyLength, topicUtf8.length, scan.keptLength(), sysFlag);
        return true;
    }

    private byte[] utf8(String name) {
        byte[] bytes = topicBytes.get(name);
        if (bytes == null) {
            if (topicBytes.size() >= MAX_CACHED_TOPICS) {
                topicBytes.clear();
            }
            bytes = name.getBytes(StandardCharsets.UTF_8);
            topicBytes.put(name, bytes);
        }
        return bytes;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int queueId() {
        return queueId;
    }

    @Override
    public int recordSize() {
        return size;
    }

    @Override
    public void encode(ByteBuffer target, long physicalOffset, long queueOffset, long storeTimestampMs) {
        int at = target.position();
        int magic = magicFor(topicUtf8.length);
        target.put(at, source, sourceAt, bodyLengthAt);
        target.putInt(at + TOTAL_SIZE_OFFSET, size);
        target.putInt(at + MAGIC_OFFSET, magic);
        target.putInt(at + QUEUE_ID_OFFSET, queueId);
        target.putLong(at + QUEUE_OFFSET_OFFSET, queueOffset);
        target.putLong(at + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        target.putInt(at + SYS_FLAG_OFFSET, sysFlag);
        target.putLong(at + storeTimestampOffset(sysFlag), storeTimestampMs);
        target.putLong(at + preparedTransactionOffsetOffset(sysFlag), halfOffset);
        int position = at + bodyLengthAt;
        target.putInt(position, bodyLength);
        target.put(position + BODY_LENGTH_SIZE, source, sourceAt + bodyLengthAt + BODY_LENGTH_SIZE, bodyLength);
        position += BODY_LENGTH_SIZE + bodyLength;
        if (magic == MAGIC_V1) {
            target.put(position++, (byte) topicUtf8.length);
        } else {
            target.putShort(position, (short) topicUtf8.length);
            position += 2;
        }
        target.put(position, topicUtf8);
        position += topicUtf8.length;
        target.putShort(position, (short) scan.keptLength());
        position += PROPERTIES_LENGTH_SIZE;
        position += scan.writeKept(target, position);
        target.position(position);
    }
}
