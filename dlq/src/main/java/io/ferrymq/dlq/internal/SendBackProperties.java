package io.ferrymq.dlq.internal;

import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerRecords;
import java.util.Map;

/**
 * The properties of a retry and of a dead letter, from the failed message's (wire-protocol §4.7 steps
 * 4–6): every property it had except the delay ones ({@code DELAY}, {@code TIMER_*}, {@code
 * REAL_TOPIC}, {@code REAL_QID}: a stale one must not delay or re-route the new message), plus {@code
 * RETRY_TOPIC} = its topic when absent (so it keeps naming the original topic across retries), {@code
 * WAIT=false}, and {@code ORIGIN_MESSAGE_ID} = the existing one, else the request's {@code originMsgId},
 * else its UNIQ_KEY, else its offset message id. A dead letter also gets {@code DLQ_ORIGIN_TOPIC} (the
 * original topic) and {@code DLQ_ORIGIN_MESSAGE_ID} (the id the consumer saw: the request's {@code
 * originMsgId}, else UNIQ_KEY, else the offset id). {@code UNIQ_KEY} is kept, so the consumer sees the
 * same message id. Stateless.
 */
public final class SendBackProperties {
    private SendBackProperties() {}

    /** @throws IllegalArgumentException if the result exceeds 32767 bytes */
    public static byte[] retry(StoredRecord failed, String originMsgId) {
        return MessageProperties.encode(retryMap(failed, originMsgId));
    }

    /** @throws IllegalArgumentException if the result exceeds 32767 bytes */
    public static byte[] deadLetter(StoredRecord failed, String originMsgId) {
        Map<String, String> properties = retryMap(failed, originMsgId);
        properties.put(MessageProperty.DLQ_ORIGIN_TOPIC, properties.get(MessageProperty.RETRY_TOPIC));
        properties.put(MessageProperty.DLQ_ORIGIN_MESSAGE_ID, seenId(failed, properties, originMsgId));
        return MessageProperties.encode(properties);
    }

    private static Map<String, String> retryMap(StoredRecord failed, String originMsgId) {
        byte[] kept = TimerRecords.deliverableProperties(RecordCopy.properties(failed));
        Map<String, String> properties = MessageProperties.parse(kept, 0, kept.length);
        properties.putIfAbsent(MessageProperty.RETRY_TOPIC, failed.topic());
        properties.put(MessageProperty.WAIT, "false");
        if (!properties.containsKey(MessageProperty.ORIGIN_MESSAGE_ID)) {
            properties.put(MessageProperty.ORIGIN_MESSAGE_ID, seenId(failed, properties, originMsgId));
        }
        return properties;
    }

    private static String seenId(StoredRecord failed, Map<String, String> properties, String originMsgId) {
        if (originMsgId != null && !originMsgId.isBlank()) {
            return originMsgId;
        }
        String uniqKey = properties.get(MessageProperty.UNIQ_KEY);
        return uniqKey != null ? uniqKey : failed.offsetMessageId();
    }
}
