package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.RecordRewrite;
import io.ferrymq.commitlog.RecordSource;
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
    private final RecordRewrite rewrite = new RecordRewrite();
    private final Map<String, byte[]> topicBytes = new HashMap<>();
    private byte[] properties = new byte[1024];

    /** Points at a half record; false (and unusable) when it has no {@code REAL_TOPIC}. */
    public boolean wrap(StoredRecord half) {
        int length = half.propertiesLength();
        if (properties.length < length) {
            properties = new byte[Math.max(length, properties.length * 2)];
        }
        half.buffer().get(half.propertiesPosition(), properties, 0, length);
        scan.scan(properties, 0, length);
        if (!scan.hasRealTopic()) {
            return false;
        }
        String topic = scan.realTopic();
        rewrite.wrap(
                half,
                topic,
                utf8(topic),
                scan.realQueueId(),
                MessageSysFlag.withTransactionType(half.sysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE),
                half.physicalOffset(),
                scan.split());
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
}
