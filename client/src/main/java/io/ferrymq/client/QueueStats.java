package io.ferrymq.client;

import java.time.Instant;

/**
 * A consumer group's progress on one queue. Immutable.
 *
 * @param brokerOffset the queue's next offset to be written
 * @param consumerOffset the group's committed offset
 * @param lastTimestamp store time of the last consumed message, or null when unknown
 */
public record QueueStats(MessageQueue queue, long brokerOffset, long consumerOffset, Instant lastTimestamp) {
    /** Messages stored but not yet consumed by the group. */
    public long lag() {
        return Math.max(0, brokerOffset - consumerOffset);
    }
}
