package io.ferrymq.scheduler;

import io.ferrymq.protocol.message.Decimal;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.internal.PropertyScan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How a delayed message is parked under {@link TimerTopic} and how it comes out again. Parked: the
 * same record with topic {@link TimerTopic#NAME}, queue {@link TimerTopic#QUEUE_ID}, its delay
 * properties ({@code DELAY} and every {@code TIMER_*}) removed, and {@code REAL_TOPIC}, {@code
 * REAL_QID} and {@code TIMER_OUT_MS=<deliver-at ms>} added. Released: the real topic and queue back,
 * and the properties without {@code DELAY}, {@code TIMER_*}, {@code REAL_TOPIC} and {@code REAL_QID};
 * everything else (body, flag, sysFlag, born time and host, store host, reconsume times, {@code
 * UNIQ_KEY}, so the message id) is kept.
 *
 * <p>Stateless; safe from any thread.
 */
public final class TimerRecords {
    private static final byte[] TOPIC_BYTES = TimerTopic.NAME.getBytes(StandardCharsets.UTF_8);

    private TimerRecords() {}

    /**
     * The property string a parked message is stored with.
     *
     * @throws IllegalArgumentException if the result exceeds 32767 bytes or the topic holds 0x01/0x02
     */
    public static byte[] scheduledProperties(byte[] properties, String realTopic, int realQueueId, long deliverAtMs) {
        PropertyScan scan = new PropertyScan().scan(properties, 0, properties.length);
        byte[] kept = scan.keptBytes();
        byte[] out = MessageProperties.append(kept, MessageProperty.REAL_TOPIC, realTopic);
        out = MessageProperties.append(out, MessageProperty.REAL_QID, Integer.toString(realQueueId));
        return MessageProperties.append(out, MessageProperty.TIMER_OUT_MS, Long.toString(deliverAtMs));
    }

    /**
     * The property string without {@code DELAY}, {@code TIMER_*}, {@code REAL_TOPIC} and {@code
     * REAL_QID}: what a delayed message is delivered with (also for a delay that is already due when
     * sent, which the broker stores directly).
     */
    public static byte[] deliverableProperties(byte[] properties) {
        return new PropertyScan().scan(properties, 0, properties.length).keptBytes();
    }

    /** {@code original}, parked under the timer topic until {@code deliverAtMs}. */
    public static EncodableMessage schedule(EncodableMessage original, long deliverAtMs) {
        String realTopic = new String(original.topic(), StandardCharsets.UTF_8);
        return new EncodableMessage(
                TOPIC_BYTES.clone(),
                TimerTopic.QUEUE_ID,
                original.flag(),
                original.sysFlag(),
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
                scheduledProperties(original.properties(), realTopic, original.queueId(), deliverAtMs));
    }

    /** {@code TIMER_OUT_MS} of a parked record, or -1 when it is absent or not a number. */
    public static long deliverAtMs(StoredRecord timerRecord) {
        ByteBuffer buffer = timerRecord.buffer();
        long range = MessageProperties.valueRange(
                buffer, timerRecord.propertiesPosition(), timerRecord.propertiesLength(), MessageProperty.TIMER_OUT_MS);
        if (range == MessageProperties.NOT_FOUND) {
            return -1;
        }
        return Decimal.parse(buffer, MessageProperties.rangePosition(range), MessageProperties.rangeLength(range));
    }

    /**
     * The message as delivered from a parked record (allocates its arrays; {@link DelayedDelivery}
     * itself encodes straight from the parked bytes).
     *
     * @throws IllegalArgumentException if the record has no {@code REAL_TOPIC}
     */
    public static EncodableMessage release(StoredRecord timerRecord) {
        ByteBuffer buffer = timerRecord.buffer();
        byte[] properties = new byte[timerRecord.propertiesLength()];
        buffer.get(timerRecord.propertiesPosition(), properties);
        PropertyScan scan = new PropertyScan().scan(properties, 0, properties.length);
        String realTopic = scan.realTopic();
        if (realTopic == null) {
            throw new IllegalArgumentException(
                    "the record at " + timerRecord.physicalOffset() + " has no REAL_TOPIC: not a parked message");
        }
        byte[] body = new byte[timerRecord.bodyLength()];
        buffer.get(timerRecord.bodyPosition(), body);
        int sysFlag = timerRecord.sysFlag();
        int at = timerRecord.position();
        int bornAt = at + MessageRecordLayout.BORN_HOST_OFFSET;
        int storeAt = at + MessageRecordLayout.storeHostOffset(sysFlag);
        int bornLength = MessageRecordLayout.bornHostSize(sysFlag) - 4;
        int storeLength = MessageRecordLayout.storeHostSize(sysFlag) - 4;
        return EncodableMessage.builder()
                .topic(realTopic)
                .queueId(scan.realQueueId())
                .flag(timerRecord.flag())
                .sysFlag(sysFlag)
                .bornTimestamp(timerRecord.bornTimestamp())
                .bornHost(bytes(buffer, bornAt, bornLength), buffer.getInt(bornAt + bornLength))
                .storeHost(bytes(buffer, storeAt, storeLength), buffer.getInt(storeAt + storeLength))
                .reconsumeTimes(timerRecord.reconsumeTimes())
                .preparedTransactionOffset(timerRecord.preparedTransactionOffset())
                .body(body)
                .bodyCrc(timerRecord.bodyCrc())
                .properties(scan.keptBytes())
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer, int at, int length) {
        byte[] out = new byte[length];
        buffer.get(at, out);
        return out;
    }
}
