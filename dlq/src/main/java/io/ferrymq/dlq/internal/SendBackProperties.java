package io.ferrymq.dlq.internal;

import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.scheduler.TimerRecords;
import java.util.Map;

/**
 * The properties of a retry and of a dead letter, from the failed message's (wire-protocol §4.7 steps
 * 4–6): every property it had except the delay ones ({@code DELAY}, {@code TIMER_*}, {@code
 * REAL_TOPIC}, {@code REAL_QID}: a stale one must not delay or re-route the new message), plus {@code
 * RECONSUME_TIME} = the new message's reconsume count (when known), {@code RETRY_TOPIC} = its topic when
 * absent (so it keeps naming the original topic across retries), {@code
 * WAIT=false}, and {@code ORIGIN_MESSAGE_ID} = the existing one, else the request's {@code originMsgId},
 * else its UNIQ_KEY, else the fallback id. A dead letter also gets {@code DLQ_ORIGIN_TOPIC} (the
 * original topic) and {@code DLQ_ORIGIN_MESSAGE_ID} (the id the consumer saw: {@code originMsgId},
 * else UNIQ_KEY, else the fallback). {@code UNIQ_KEY} is kept, so the consumer sees the same message
 * id. Stateless.
 */
public final class SendBackProperties {
    private SendBackProperties() {}

    /**
     * @param topic the failed message's topic
     * @param originMsgId the request's id, or null
     * @param fallbackId the failed message's offset message id, or null when it has none yet
     * @throws IllegalArgumentException if the result exceeds 32767 bytes
     */
    public static byte[] retry(byte[] properties, String topic, String originMsgId, String fallbackId) {
        return MessageProperties.encode(retryMap(properties, topic, originMsgId, fallbackId));
    }

    /** As {@link #retry}, with {@code RECONSUME_TIME} = {@code reconsumeTimes}. */
    public static byte[] retry(
            byte[] properties, String topic, String originMsgId, String fallbackId, int reconsumeTimes) {
        Map<String, String> map = retryMap(properties, topic, originMsgId, fallbackId);
        map.put(MessageProperty.RECONSUME_TIME, Integer.toString(reconsumeTimes));
        return MessageProperties.encode(map);
    }

    /** As {@link #retry}, plus the DLQ's own two properties. */
    public static byte[] deadLetter(byte[] properties, String topic, String originMsgId, String fallbackId) {
        return deadLetter(properties, topic, originMsgId, fallbackId, -1);
    }

    /** As above; {@code RECONSUME_TIME} = {@code reconsumeTimes} unless it is negative (unknown). */
    public static byte[] deadLetter(
            byte[] properties, String topic, String originMsgId, String fallbackId, int reconsumeTimes) {
        Map<String, String> map = retryMap(properties, topic, originMsgId, fallbackId);
        if (reconsumeTimes >= 0) {
            map.put(MessageProperty.RECONSUME_TIME, Integer.toString(reconsumeTimes));
        }
        map.put(MessageProperty.DLQ_ORIGIN_TOPIC, map.get(MessageProperty.RETRY_TOPIC));
        putIfKnown(map, MessageProperty.DLQ_ORIGIN_MESSAGE_ID, seenId(map, originMsgId, fallbackId));
        return MessageProperties.encode(map);
    }

    private static Map<String, String> retryMap(
            byte[] properties, String topic, String originMsgId, String fallbackId) {
        byte[] kept = TimerRecords.deliverableProperties(properties);
        Map<String, String> map = MessageProperties.parse(kept, 0, kept.length);
        map.putIfAbsent(MessageProperty.RETRY_TOPIC, topic);
        map.put(MessageProperty.WAIT, "false");
        if (!map.containsKey(MessageProperty.ORIGIN_MESSAGE_ID)) {
            putIfKnown(map, MessageProperty.ORIGIN_MESSAGE_ID, seenId(map, originMsgId, fallbackId));
        }
        return map;
    }

    private static String seenId(Map<String, String> map, String originMsgId, String fallbackId) {
        if (originMsgId != null && !originMsgId.isBlank()) {
            return originMsgId;
        }
        String uniqKey = map.get(MessageProperty.UNIQ_KEY);
        return uniqKey != null ? uniqKey : fallbackId;
    }

    private static void putIfKnown(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
