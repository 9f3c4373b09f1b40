package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages of one assigned queue pulled but not yet consumed, by queue offset; the source of the
 * offset to commit (the lowest offset still in flight, or one past the highest seen) and of flow
 * control. For orderly consumption it also holds the batch being consumed, the broker lock state and a
 * consume lock. Thread-safe: the pull loop adds, consume threads remove.
 */
public final class ProcessQueue {
    /** A lock the client has not renewed for this long is treated as lost (the broker keeps it 60 s). */
    public static final long LOCK_VALIDITY_MS = 30_000;

    private final MessageQueue queue;
    private final TreeMap<Long, MessageView> waiting = new TreeMap<>();
    private final TreeMap<Long, MessageView> consuming = new TreeMap<>();
    private final ReentrantLock consumeLock = new ReentrantLock();
    private final AtomicBoolean consumerScheduled = new AtomicBoolean();
    private long bytes;
    private int failedAttempts;
    private long highestOffset = -1;
    private volatile boolean dropped;
    private volatile long lockedAtMs = -1;

    public ProcessQueue(MessageQueue queue) {
        this.queue = queue;
    }

    public MessageQueue queue() {
        return queue;
    }

    /** Adds pulled messages; offsets already held are ignored. */
    public synchronized void add(List<MessageView> messages) {
        for (MessageView message : messages) {
            if (!waiting.containsKey(message.queueOffset()) && !consuming.containsKey(message.queueOffset())) {
                waiting.put(message.queueOffset(), message);
                bytes += message.body().length;
            }
            highestOffset = Math.max(highestOffset, message.queueOffset());
        }
    }

    /**
     * Removes consumed messages (concurrent consumption).
     *
     * @return the offset now safe to commit, or -1 when nothing was ever added
     */
    public synchronized long remove(List<MessageView> messages) {
        for (MessageView message : messages) {
            if (waiting.remove(message.queueOffset()) != null) {
                bytes -= message.body().length;
            }
        }
        return commitOffset();
    }

    /** Takes up to {@code max} of the oldest waiting messages for orderly consumption. */
    public synchronized List<MessageView> takeInOrder(int max) {
        List<MessageView> batch = new ArrayList<>(max);
        while (batch.size() < max && !waiting.isEmpty()) {
            var entry = waiting.pollFirstEntry();
            consuming.put(entry.getKey(), entry.getValue());
            batch.add(entry.getValue());
        }
        return batch;
    }

    /** The batch taken by {@link #takeInOrder} is done; returns the offset now safe to commit. */
    public synchronized long commitTaken() {
        for (MessageView message : consuming.values()) {
            bytes -= message.body().length;
        }
        consuming.clear();
        return commitOffset();
    }

    /** Counts a failed attempt of the batch at the head (orderly consumption); returns the count. */
    public synchronized int failedAttempt() {
        return ++failedAttempts;
    }

    /** The head batch was consumed (or given up on): the next one starts with no failed attempts. */
    public synchronized void resetFailedAttempts() {
        failedAttempts = 0;
    }

    /** The batch taken by {@link #takeInOrder} must be consumed again, first. */
    public synchronized void returnTaken() {
        waiting.putAll(consuming);
        consuming.clear();
    }

    private long commitOffset() {
        if (highestOffset < 0) {
            return -1;
        }
        if (!consuming.isEmpty()) {
            return consuming.firstKey();
        }
        return waiting.isEmpty() ? highestOffset + 1 : waiting.firstKey();
    }

    public synchronized int messageCount() {
        return waiting.size() + consuming.size();
    }

    public synchronized long messageBytes() {
        return bytes;
    }

    public synchronized boolean isEmpty() {
        return waiting.isEmpty() && consuming.isEmpty();
    }

    public boolean isDropped() {
        return dropped;
    }

    public void drop() {
        dropped = true;
    }

    public void markLocked(long nowMs) {
        lockedAtMs = nowMs;
    }

    public void markUnlocked() {
        lockedAtMs = -1;
    }

    /** Whether the broker lock was granted or renewed within {@link #LOCK_VALIDITY_MS}. */
    public boolean isLocked(long nowMs) {
        long at = lockedAtMs;
        return at >= 0 && nowMs - at < LOCK_VALIDITY_MS;
    }

    /** Held while an orderly batch of this queue is in the listener. */
    public ReentrantLock consumeLock() {
        return consumeLock;
    }

    /** Set while an orderly consume task for this queue is queued or running. */
    public AtomicBoolean consumerScheduled() {
        return consumerScheduled;
    }

    @Override
    public String toString() {
        return "ProcessQueue{" + queue + ", messages=" + messageCount() + ", dropped=" + dropped + "}";
    }
}
