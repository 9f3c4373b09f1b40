package io.ferrymq.scheduler.internal;

import io.ferrymq.commitlog.RecordRewrite;
import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.protocol.message.MessageProperties;
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
    private final RecordRewrite rewrite = new RecordRewrite();
    private byte[] properties = new byte[1024];
    private ByteBuffer source;
    private int touched;

    /** Points at a parked record; false (and unusable) when it has no {@code REAL_TOPIC}. */
    public boolean wrap(StoredRecord record) {
        source = record.buffer();
        int length = record.propertiesLength();
        if (properties.length < length) {
            properties = new byte[Math.max(length, properties.length * 2)];
        }
        source.get(record.propertiesPosition(), properties, 0, length);
        scan.scan(properties, 0, length);
        long range = scan.realTopicRange();
        if (range == MessageProperties.NOT_FOUND) {
            return false;
        }
        TopicCache.Topic topic =
                topics.intern(properties, MessageProperties.rangePosition(range), MessageProperties.rangeLength(range));
        rewrite.wrap(
                record,
                topic.name(),
                topic.bytes(),
                scan.realQueueId(),
                record.sysFlag(),
                RecordRewrite.KEEP_PREPARED_OFFSET,
                scan.split());
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
        int from = rewrite.bodyPosition();
        int sum = 0;
        for (int i = from; i < from + rewrite.bodyLength(); i += PAGE_BYTES) {
            sum += source.get(i);
        }
        touched += sum;
    }

    @Override
    public String topic() {
        return rewrite.topic();
    }

    @Override
    public int queueId() {
        return rewrite.queueId();
    }

    @Override
    public int recordSize() {
        return rewrite.recordSize();
    }

    @Override
    public void encode(ByteBuffer target, long physicalOffset, long queueOffset, long storeTimestampMs) {
        rewrite.encode(target, physicalOffset, queueOffset, storeTimestampMs);
    }

    /** Keeps {@link #pretouch} from being optimised away. */
    int touched() {
        return touched;
    }
}
