package io.ferrymq.client;

import java.util.List;

/**
 * A consumer group's progress over its topics' queues (GET_CONSUME_STATS), sorted by queue. Immutable.
 *
 * @param consumeTps messages per second consumed recently, as the broker measures it
 */
public record ConsumerGroupStats(String group, List<QueueStats> queues, double consumeTps) {
    public ConsumerGroupStats {
        queues = List.copyOf(queues);
    }

    /** Total messages not yet consumed. */
    public long totalLag() {
        return queues.stream().mapToLong(QueueStats::lag).sum();
    }
}
