package io.ferrymq.commitlog;

import static io.ferrymq.protocol.message.MessageRecordLayout.BODY_LENGTH_SIZE;
import static io.ferrymq.protocol.message.MessageRecordLayout.MAGIC_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.MAGIC_V1;
import static io.ferrymq.protocol.message.MessageRecordLayout.PHYSICAL_OFFSET_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.PROPERTIES_LENGTH_SIZE;
import static io.ferrymq.protocol.message.MessageRecordLayout.QUEUE_ID_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.QUEUE_OFFSET_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.SYS_FLAG_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.TOTAL_SIZE_OFFSET;
import static io.ferrymq.protocol.message.MessageRecordLayout.bodyLengthOffset;
import static io.ferrymq.protocol.message.MessageRecordLayout.magicFor;
import static io.ferrymq.protocol.message.MessageRecordLayout.preparedTransactionOffsetOffset;
import static io.ferrymq.protocol.message.MessageRecordLayout.storeTimestampOffset;

import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.PropertySplit;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * A stored record appended again under another topic and queue, encoded straight from its stored
 * bytes (no copy of the body to the heap): the fixed fields, hosts and body as they are; topic,
 * queue, sysFlag and, if given, {@code preparedTransactionOffset} replaced; the properties those a
 * {@link PropertySplit} kept. How a parked timer is released and a committed half delivered.
 *
 * <p>Reusable: {@link #wrap} the next record once the previous append has returned (the appender
 * encodes inside {@code append}); the stored bytes must stay mapped until then. Not thread-safe.
 */
public final class RecordRewrite implements RecordSource {
    /** A {@code preparedTransactionOffset} that keeps the stored one. */
    public static final long KEEP_PREPARED_OFFSET = -1;

    private ByteBuffer source;
    private int sourceAt;
    private int bodyLengthAt;
    private int bodyLength;
    private int sysFlag;
    private long preparedTransactionOffset;
    private String topic;
    private byte[] topicBytes;
    private int queueId;
    private PropertySplit kept;
    private int size;

    /**
     * Points at {@code record}. {@code sysFlag} may differ from the stored one only in bits that do
     * not move fields (the transaction type); {@code kept} is read when the record is encoded.
     */
    public RecordRewrite wrap(
            StoredRecord record,
            String topic,
            byte[] topicBytes,
            int queueId,
            int sysFlag,
            long preparedTransactionOffset,
            PropertySplit kept) {
        this.source = record.buffer();
        this.sourceAt = record.position();
        this.bodyLengthAt = bodyLengthOffset(record.sysFlag());
        this.bodyLength = record.bodyLength();
        this.sysFlag = sysFlag;
        this.preparedTransactionOffset = preparedTransactionOffset;
        this.topic = topic;
        this.topicBytes = topicBytes;
        this.queueId = queueId;
        this.kept = kept;
        this.size = MessageRecordLayout.recordSize(bodyLength, topicBytes.length, kept.keptLength(), sysFlag);
        return this;
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

    /** Position in the stored record's buffer of its body's first byte. */
    public int bodyPosition() {
        return sourceAt + bodyLengthAt + BODY_LENGTH_SIZE;
    }

    public int bodyLength() {
        return bodyLength;
    }

    @Override
    public void encode(ByteBuffer target, long physicalOffset, long queueOffset, long storeTimestampMs) {
        int at = target.position();
        int magic = magicFor(topicBytes.length);
        target.put(at, source, sourceAt, bodyLengthAt);
        target.putInt(at + TOTAL_SIZE_OFFSET, size);
        target.putInt(at + MAGIC_OFFSET, magic);
        target.putInt(at + QUEUE_ID_OFFSET, queueId);
        target.putLong(at + QUEUE_OFFSET_OFFSET, queueOffset);
        target.putLong(at + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        target.putInt(at + SYS_FLAG_OFFSET, sysFlag);
        target.putLong(at + storeTimestampOffset(sysFlag), storeTimestampMs);
        if (preparedTransactionOffset != KEEP_PREPARED_OFFSET) {
            target.putLong(at + preparedTransactionOffsetOffset(sysFlag), preparedTransactionOffset);
        }
        int position = at + bodyLengthAt;
        target.putInt(position, bodyLength);
        target.put(position + BODY_LENGTH_SIZE, source, bodyPosition(), bodyLength);
        position += BODY_LENGTH_SIZE + bodyLength;
        if (magic == MAGIC_V1) {
            target.put(position++, (byte) topicBytes.length);
        } else {
            target.putShort(position, (short) topicBytes.length);
            position += 2;
        }
        target.put(position, topicBytes);
        position += topicBytes.length;
        target.putShort(position, (short) kept.keptLength());
        position += PROPERTIES_LENGTH_SIZE;
        position += kept.writeKept(target, position);
        target.position(position);
    }
}
