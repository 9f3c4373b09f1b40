package io.ferrymq.commitlog;

/**
 * Hands out per-queue logical offsets. Called only by the appender, with its lock held, so an
 * implementation needs no synchronisation of its own for writes; it must be fast and allocation-free.
 */
public interface QueueOffsetAssigner {
    /** Reserves {@code count} consecutive offsets of (topic, queueId) and returns the first. */
    long assign(String topic, int queueId, int count);

    /** Gives back the last {@code count} offsets of (topic, queueId) after an append that failed. */
    void rollback(String topic, int queueId, int count);
}
