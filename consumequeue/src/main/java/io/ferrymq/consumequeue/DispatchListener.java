package io.ferrymq.consumequeue;

/**
 * Told about every message once it is dispatched, i.e. readable through its queue: long polling wakes
 * parked pulls from it, the timer and transaction modules pick their system topics out of it.
 *
 * <p>Called on the dispatcher thread, in commit-log order, after the message's consume-queue entry is
 * published. Implementations must be quick and must not block: hand work over to another thread. An
 * exception is logged and does not stop dispatch.
 */
@FunctionalInterface
public interface DispatchListener {
    /**
     * @param topic the record's topic (the same String instance for every record of a topic)
     * @param physicalOffset where the record starts in the commit log
     * @param size record size in bytes
     * @param tagsHash the consume-queue tags code
     */
    void onDispatched(
            String topic,
            int queueId,
            long queueOffset,
            long physicalOffset,
            int size,
            long storeTimestampMs,
            long tagsHash);
}
