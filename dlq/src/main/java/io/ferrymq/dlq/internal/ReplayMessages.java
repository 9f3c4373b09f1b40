package io.ferrymq.dlq.internal;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerRecords;
import java.util.Map;

/**
 * The message a replayed dead letter becomes: its body (as stored), flag, sysFlag, born time and host,
 * store host and properties, without {@code DLQ_ORIGIN_TOPIC}, {@code DLQ_ORIGIN_MESSAGE_ID} and the
 * delay properties; with the same {@code UNIQ_KEY} (so consumers see the id they saw before; one is
 * added when the dead letter has none), {@code RETRY_TOPIC} naming the original topic, and a reconsume
 * count of 0.
 *
 * <p>Its {@code preparedTransactionOffset} holds the dead letter's commit-log offset, as a committed
 * transactional message holds its half's: consumers ignore it, and it tells this replay's own append
 * from any other record with the same UNIQ_KEY when an interrupted replay is checked ({@link
 * #isReplayOf}).
 *
 * <p>Stateless; safe from any thread.
 */
public final class ReplayMessages {
    private ReplayMessages() {}

    /**
     * @param uniqKey the dead letter's UNIQ_KEY, or the id to give it when it has none
     * @param originTopic the original topic, or null when the dead letter names none
     * @throws IllegalArgumentException if the properties would exceed 32767 bytes
     */
    public static EncodableMessage build(
            StoredRecord dead, String uniqKey, String topic, int queueId, String originTopic) {
        byte[] kept = TimerRecords.deliverableProperties(RecordCopy.properties(dead));
        Map<String, String> properties = MessageProperties.parse(kept, 0, kept.length);
        properties.remove(MessageProperty.DLQ_ORIGIN_TOPIC);
        properties.remove(MessageProperty.DLQ_ORIGIN_MESSAGE_ID);
        properties.putIfAbsent(MessageProperty.UNIQ_KEY, uniqKey);
        if (originTopic != null) {
            properties.putIfAbsent(MessageProperty.RETRY_TOPIC, originTopic);
        }
        return RecordCopy.keptFields(dead)
                .topic(topic)
                .queueId(queueId)
                .storeHost(RecordCopy.storeHostAddress(dead), dead.storeHostPort())
                .reconsumeTimes(0)
                .preparedTransactionOffset(dead.physicalOffset())
                .properties(properties)
                .build();
    }

    /** Whether {@code record} is a replay of the dead letter at {@code dlqOffset}. */
    public static boolean isReplayOf(StoredRecord record, long dlqOffset) {
        return record.preparedTransactionOffset() == dlqOffset;
    }
}
