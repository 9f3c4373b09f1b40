package io.ferrymq.dlq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of a group's dead-letter queue, as the admin tools show it.
 *
 * <p>Immutable, except that {@code body} is not copied: callers must not change it. Safe to share.
 *
 * @param group the consumer group whose DLQ holds it
 * @param queueOffset its offset in queue {@link RetryTopics#DLQ_QUEUE_ID} of {@code %DLQ%<group>}
 * @param physicalOffset its commit-log offset
 * @param msgId its UNIQ_KEY (the id consumers saw), or its offset message id when it has none
 * @param originTopic the topic it was first sent to ({@code DLQ_ORIGIN_TOPIC}, else {@code
 *     RETRY_TOPIC}); null when it names none
 * @param originMsgId {@code ORIGIN_MESSAGE_ID} (the first attempt's id), else {@code
 *     DLQ_ORIGIN_MESSAGE_ID}, else {@code msgId}
 * @param reconsumeTimes its stored reconsume count (one more than the deliveries that failed)
 * @param bornTimeMs when the producer sent it
 * @param storeTimeMs when it was stored in the DLQ
 * @param bodySizeBytes its body's size as stored (compressed when {@code sysFlag} says so)
 * @param sysFlag its stored sysFlag (compression bits included)
 * @param properties every property it was stored with, in stored order
 * @param body the body as stored, for a single message's view; null in lists
 * @param replayedAtMs when it was replayed; -1 when it was not (or the outcome is not yet known)
 * @param replayedTo the topic it was replayed to; null when it was not
 */
public record DeadLetter(
        String group,
        long queueOffset,
        long physicalOffset,
        String msgId,
        String originTopic,
        String originMsgId,
        int reconsumeTimes,
        long bornTimeMs,
        long storeTimeMs,
        int bodySizeBytes,
        int sysFlag,
        Map<String, String> properties,
        byte[] body,
        long replayedAtMs,
        String replayedTo) {

    public DeadLetter {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public boolean replayed() {
        return replayedAtMs >= 0;
    }
}
