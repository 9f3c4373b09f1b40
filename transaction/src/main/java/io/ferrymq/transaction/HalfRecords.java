package io.ferrymq.transaction;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.internal.HalfPropertyScan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How a transactional message is stored as a half message under {@link HalfTopic} and how it comes
 * out again (wire-protocol §4.8).
 *
 * <ul>
 *   <li>Half: the same message with topic {@link HalfTopic#NAME}, queue {@link HalfTopic#QUEUE_ID},
 *       the transaction type cleared from its sysFlag (as Apache stores it), and properties {@code
 *       TRAN_MSG=true}, {@code REAL_TOPIC}, {@code REAL_QID} set; {@code PGROUP} (the producer group,
 *       set by the client) and {@code UNIQ_KEY} (the message id and transaction id) are kept as sent.
 *   <li>Committed: the real topic and queue back, the transaction type COMMIT in its sysFlag, {@code
 *       preparedTransactionOffset} = the half's commit-log offset, and the properties without {@code
 *       TRAN_MSG}, {@code REAL_TOPIC} and {@code REAL_QID}; body, flag, born time and host, store
 *       host, reconsume times and {@code UNIQ_KEY} (so the message id) are kept. Apache leaves the
 *       transaction properties in delivered messages; consumers ignore them either way.
 * </ul>
 *
 * <p>Stateless; safe from any thread.
 */
public final class HalfRecords {
    private static final byte[] TOPIC_BYTES = HalfTopic.NAME.getBytes(StandardCharsets.UTF_8);

    private HalfRecords() {}

    /**
     * The property string a half message is stored with: {@code properties} without any {@code
     * TRAN_MSG}, {@code REAL_TOPIC} or {@code REAL_QID} it carried, then {@code TRAN_MSG=true}, {@code
     * REAL_TOPIC=realTopic} and {@code REAL_QID=realQueueId}. The broker should have set {@code
     * UNIQ_KEY} before (the coordinator keys duplicates and checks by it).
     *
     * @throws IllegalArgumentException if the result exceeds 32767 bytes or the topic holds 0x01/0x02
     */
    public static byte[] halfProperties(byte[] properties, String realTopic, int realQueueId) {
        byte[] kept =
                new HalfPropertyScan().scan(properties, 0, properties.length).keptBytes();
        byte[] out = MessageProperties.append(kept, MessageProperty.TRAN_MSG, "true");
        out = MessageProperties.append(out, MessageProperty.REAL_TOPIC, realTopic);
        return MessageProperties.append(out, MessageProperty.REAL_QID, Integer.toString(realQueueId));
    }

    /** The sysFlag a half message is stored with: the transaction type cleared. */
    public static int halfSysFlag(int sysFlag) {
        return MessageSysFlag.withTransactionType(sysFlag, MessageSysFlag.TRANSACTION_NOT_TYPE);
    }

    /** {@code original} (addressed to its real topic and queue) as the half message to store. */
    public static EncodableMessage half(EncodableMessage original) {
        String realTopic = new String(original.topic(), StandardCharsets.UTF_8);
        return new EncodableMessage(
                TOPIC_BYTES.clone(),
                HalfTopic.QUEUE_ID,
                original.flag(),
                halfSysFlag(original.sysFlag()),
                original.bornTimestamp(),
                original.bornHostAddress(),
                original.bornHostPort(),
                original.storeHostAddress(),
                original.storeHostPort(),
                original.reconsumeTimes(),
                original.preparedTransactionOffset(),
                original.body(),
                original.bodyOffset(),
                original.bodyLength(),
                original.bodyCrc(),
                halfProperties(original.properties(), realTopic, original.queueId()));
    }

    /**
     * The message a committed half delivers to its real topic (allocates its arrays; the
     * coordinator itself encodes straight from the stored half).
     *
     * @throws IllegalArgumentException if the record has no {@code REAL_TOPIC}
     */
    public static EncodableMessage commit(StoredRecord half) {
        HalfPropertyScan scan = scan(half);
        ByteBuffer buffer = half.buffer();
        byte[] body = new byte[half.bodyLength()];
        buffer.get(half.bodyPosition(), body);
        int sysFlag = half.sysFlag();
        return withHosts(EncodableMessage.builder(), half)
                .topic(scan.realTopic())
                .queueId(scan.realQueueId())
                .flag(half.flag())
                .sysFlag(MessageSysFlag.withTransactionType(sysFlag, MessageSysFlag.TRANSACTION_COMMIT_TYPE))
                .bornTimestamp(half.bornTimestamp())
                .reconsumeTimes(half.reconsumeTimes())
                .preparedTransactionOffset(half.physicalOffset())
                .body(body)
                .bodyCrc(half.bodyCrc())
                .properties(scan.keptBytes())
                .build();
    }

    /**
     * The body of a CHECK_TRANSACTION_STATE request for this half (wire-protocol §6.8): one record in
     * the stored-message format with the real topic and queue, everything else as stored (its
     * properties, with {@code PGROUP} and {@code UNIQ_KEY}, included), and TOTALSIZE recomputed. A
     * copy for the wire, never appended. Allocates the buffer.
     *
     * @throws IllegalArgumentException if the record has no {@code REAL_TOPIC}
     */
    public static ByteBuffer checkBody(StoredRecord half) {
        HalfPropertyScan scan = scan(half);
        ByteBuffer buffer = half.buffer();
        byte[] body = new byte[half.bodyLength()];
        buffer.get(half.bodyPosition(), body);
        byte[] properties = new byte[half.propertiesLength()];
        buffer.get(half.propertiesPosition(), properties);
        EncodableMessage message = withHosts(EncodableMessage.builder(), half)
                .topic(scan.realTopic())
                .queueId(scan.realQueueId())
                .flag(half.flag())
                .sysFlag(half.sysFlag())
                .bornTimestamp(half.bornTimestamp())
                .reconsumeTimes(half.reconsumeTimes())
                .preparedTransactionOffset(half.preparedTransactionOffset())
                .body(body)
                .bodyCrc(half.bodyCrc())
                .properties(properties)
                .build();
        ByteBuffer out = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(out, message, half.queueOffset(), half.physicalOffset(), half.storeTimestamp());
        return out.flip();
    }

    private static HalfPropertyScan scan(StoredRecord half) {
        byte[] properties = new byte[half.propertiesLength()];
        half.buffer().get(half.propertiesPosition(), properties);
        HalfPropertyScan scan = new HalfPropertyScan().scan(properties, 0, properties.length);
        if (!scan.hasRealTopic()) {
            throw new IllegalArgumentException(
                    "the record at " + half.physicalOffset() + " has no REAL_TOPIC: not a half message");
        }
        return scan;
    }

    private static EncodableMessage.Builder withHosts(EncodableMessage.Builder builder, StoredRecord half) {
        ByteBuffer buffer = half.buffer();
        int sysFlag = half.sysFlag();
        int at = half.position();
        int bornAt = at + MessageRecordLayout.BORN_HOST_OFFSET;
        int storeAt = at + MessageRecordLayout.storeHostOffset(sysFlag);
        int bornLength = MessageRecordLayout.bornHostSize(sysFlag) - 4;
        int storeLength = MessageRecordLayout.storeHostSize(sysFlag) - 4;
        return builder.bornHost(bytes(buffer, bornAt, bornLength), buffer.getInt(bornAt + bornLength))
                .storeHost(bytes(buffer, storeAt, storeLength), buffer.getInt(storeAt + storeLength));
    }

    private static byte[] bytes(ByteBuffer buffer, int at, int length) {
        byte[] out = new byte[length];
        buffer.get(at, out);
        return out;
    }
}
