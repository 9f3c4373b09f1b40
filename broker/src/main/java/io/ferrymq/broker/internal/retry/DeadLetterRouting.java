package io.ferrymq.broker.internal.retry;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.dlq.DeadLetterOffice;
import io.ferrymq.dlq.RetryRecords;
import io.ferrymq.dlq.RetryTopics;

/**
 * A message sent to {@code %RETRY%<group>} whose reconsume count passed its maximum (the client's
 * fallback after a failed CONSUMER_SEND_MSG_BACK, or an orderly consumer giving up: header fields
 * {@code j} &gt; {@code l}, wire-protocol §4.7) belongs in {@code %DLQ%<group>}: this says so, with the
 * properties to store it with, creates the DLQ on demand and counts it. Thread-safe.
 */
public final class DeadLetterRouting {
    private final TopicConfigTable topics;
    private final DeadLetterOffice deadLetters;

    public DeadLetterRouting(TopicConfigTable topics, DeadLetterOffice deadLetters) {
        this.topics = topics;
        this.deadLetters = deadLetters;
    }

    /** Where a dead letter goes: topic, queue and properties. */
    public record Route(String topic, int queueId, byte[] properties) {}

    /**
     * @return the DLQ route, or null when the message is no dead letter (not a retry topic, or within
     *     its limit)
     * @throws IllegalArgumentException if the properties would grow past their limit
     */
    public Route route(String topic, Integer reconsumeTimes, Integer maxReconsumeTimes, byte[] properties) {
        if (!RetryTopics.isRetry(topic)
                || reconsumeTimes == null
                || maxReconsumeTimes == null
                || reconsumeTimes <= maxReconsumeTimes) {
            return null;
        }
        String group = RetryTopics.groupOf(topic);
        String dlq = RetryTopics.dlq(group);
        topics.createIfAbsent(dlq, 1);
        deadLetters.recordDeadLettered(group);
        return new Route(dlq, RetryTopics.DLQ_QUEUE_ID, RetryRecords.deadLetterProperties(properties, topic));
    }
}
