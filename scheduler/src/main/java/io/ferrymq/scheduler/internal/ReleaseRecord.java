package io.ferrymq.scheduler.internal;

import static io.ferrymq.protocol.message.MessageRecordLayout.*;

import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * A parked timer record re-encoded as the message it releases, straight from the parked bytes: the
 * fixed fields, hosts and body are copied as they are; the real topic and queue come from {@code
 * REAL_TOPIC}/{@code REAL_QID}; the properties lose {@code DELAY}, {@code TIMER_*}, {@code
 * REAL_TOPIC} and {@code REAL_QID}. The same bytes as a {@code MessageRecord} over {@link
 * io.ferrymq.scheduler.TimerRecords#release}, without copying the body to the heap first.
 *
 * <p>Reusable: {@link #wrap} the next record once the previous append has returned (the appender
 * encodes inside {@code append}). The parked record's bytes must stay mapped until then. Not
 * thread-safe: owned by the driver thread.
 */
public final class ReleaseRecord implements RecordSource {
    private static final int PAGE_BYTES = 4096;

    private final PropertyScan scan = new PropertyScan();
    private final TopicCache topics = new TopicCache();
    private byte[] properties = new byte[1024];
    private ByteBuffer source;
    private int sourceAt;
    private int sysFlag;
    private int bodyLengthAt;
    private int bodyLength;
    private TopicCache.Topic topic;
    private int queueId;
    private int size;
    private int touched;

    /** Points at a parked record; false (and unusable) when it has no {@code REAL_TOPIC}. */
    public boolean wrap(StoredRecord record) {
        source = record.buffer();
        sourceAt = record.position();
        int length = record.propertiesLength();
        if (properties.length < length) {
            properties = new byte[Math.max(length, properties.length * 2)];
        }
        source.get(record.propertiesPosition(), properties, 0, length);
        scan.scan(properties, 0, length);
        long range = scan.realTopicRange();
        if (range == MessageProperties.NOT_FOUND) {
            topic = null;
            return false;
        }
        topic = topics.intern(properties, MessageProperties.rangePosition(range), MessageProperties.rangeLength(range));
        queueId = scan.realQueueId();
        sysFlag = record.sysFlag();
        bodyLengthAt = bodyLengthOffset(sysFlag);
        bodyLength = record.bodyLength();
        size = MessageRecordLayout.recordSize(bodyLength, topic.bytes().length, scan.keptLength(), sysFlag);
        return true;
    }

    /** UNIQ_KEY of the wrapped record (allocates), or null. */
    public String uniqKey() {
        return scan.uniqKey();
    }

    /**
     * Reads one byte per page of the body so that a parked record paged out since it was written
     * faults in here, on the driver thread, not later inside the appender's lock.
     */
    public void pretouch() {
        int from = sourceAt + bodyLengthAt + BODY_LENGTH_SIZE;
        int sum = 0;
        for (int i = from; i < from + bodyLength; i += PAGE_BYTES) {
            sum += source.get(i);
        }
        touched += sum;
    }

    @Override
    public String topic() {
        return topic.name();
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
        byte[] topicBytes = topic.bytes();
        int magic = magicFor(topicBytes.length);
        target.put(at, source, sourceAt, bodyLengthAt);
        target.putInt(at + TOTAL_SIZE_OFFSET, size);
        target.putInt(at + MAGIC_OFFSET, magic);
        target.putInt(at + QUEUE_ID_OFFSET, queueId);
        target.putLong(at + QUEUE_OFFSET_OFFSET, queueOffset);
        target.putLong(at + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        target.putLong(at + storeTimestampOffset(sysFlag), storeTimestampMs);
        int position = at + bodyLengthAt;
        target.putInt(position, bodyLength);
        target.put(position + BODY_LENGTH_SIZE, source, sourceAt + bodyLengthAt + BODY_LENGTH_SIZE, bodyLength);
        position += BODY_LENGTH_SIZE + bodyLength;
        if (magic == MAGIC_V1) {
            target.put(position++, (byte) topicBytes.length);
        } else {
            target.putShort(position, (short) topicBytes.length);
            position += 2;
        }
        target.put(position, topicBytes);
        position += topicBytes.length;
        target.putShort(position, (short) scan.keptLength());
        position += PROPERTIES_LENGTH_SIZE;
        position += scan.writeKept(target, position);
        target.position(position);
    }

    /** Keeps {@link #pretouch} from being optimised away. */
    int touched() {
        return touched;
    }
}
