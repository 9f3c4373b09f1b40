package io.ferrymq.client.internal.producer;

import io.ferrymq.client.MessageQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the queue of one send attempt. Implementations are thread-safe.
 */
@FunctionalInterface
public interface QueuePick {
    /**
     * @param queues the topic's writable queues, sorted, never empty
     * @param failedBroker the broker of the previous failed attempt, or null
     */
    MessageQueue pick(List<MessageQueue> queues, String failedBroker);

    /** Round robin over all queues, skipping the broker that just failed when another one exists. */
    static QueuePick roundRobin(AtomicInteger counter) {
        return (queues, failedBroker) -> {
            for (int i = 0; i < queues.size(); i++) {
                MessageQueue queue = queues.get(Math.floorMod(counter.getAndIncrement(), queues.size()));
                if (failedBroker == null || !queue.brokerName().equals(failedBroker)) {
                    return queue;
                }
            }
            return queues.get(Math.floorMod(counter.getAndIncrement(), queues.size()));
        };
    }
}
