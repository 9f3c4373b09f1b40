package io.ferrymq.client;

import java.util.Comparator;
import java.util.Objects;

/**
 * One queue of a topic on one broker group. Orders by topic, broker name, queue id. Immutable; its
 * JSON form ({@code {"brokerName":…,"queueId":…,"topic":…}}) is RocketMQ's.
 */
public record MessageQueue(String topic, String brokerName, int queueId) implements Comparable<MessageQueue> {
    private static final Comparator<MessageQueue> ORDER = Comparator.comparing(MessageQueue::topic)
            .thenComparing(MessageQueue::brokerName)
            .thenComparingInt(MessageQueue::queueId);

    public MessageQueue {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(brokerName, "brokerName");
    }

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return topic + "@" + brokerName + "#" + queueId;
    }
}
