package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.QueueOffsetAssigner;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commit log's {@link QueueOffsetAssigner}: the next queue offset of every (topic, queueId). It
 * runs ahead of the dispatched max offset (an append takes its offsets before the dispatcher indexes
 * it) and is initialised at open from the consume queues' max offsets, after recovery.
 *
 * <p>Writes come from the appender only, under its lock (see {@link QueueOffsetAssigner}); {@link
 * #initialise} runs before the first append. {@code assign} and {@code rollback} allocate nothing once
 * a (topic, queue) has been seen: a lookup by the topic String (whose hash is cached) and an array
 * index.
 */
public final class QueueOffsetTable implements QueueOffsetAssigner {
    private final ConcurrentHashMap<String, Counters> topics = new ConcurrentHashMap<>();

    @Override
    public long assign(String topic, int queueId, int count) {
        Counters counters = counters(topic);
        long first = counters.get(queueId);
        counters.set(queueId, first + count);
        return first;
    }

    @Override
    public void rollback(String topic, int queueId, int count) {
        Counters counters = counters(topic);
        counters.set(queueId, counters.get(queueId) - count);
    }

    /** Sets the next offset of a queue (at open, from its consume queue's max offset). */
    public void initialise(String topic, int queueId, long nextOffset) {
        counters(topic).set(queueId, nextOffset);
    }

    /** The next offset the queue would be given (diagnostics and tests). */
    public long next(String topic, int queueId) {
        Counters counters = topics.get(topic);
        return counters == null ? 0 : counters.get(queueId);
    }

    private Counters counters(String topic) {
        Counters counters = topics.get(topic);
        return counters != null ? counters : topics.computeIfAbsent(topic, t -> new Counters());
    }

    /** Next offsets of one topic's queues, by queue id. Grows on demand. */
    private static final class Counters {
        private volatile long[] next = new long[8];

        long get(int queueId) {
            long[] current = next;
            checkQueueId(queueId);
            return queueId < current.length ? current[queueId] : 0;
        }

        void set(int queueId, long value) {
            checkQueueId(queueId);
            long[] current = next;
            if (queueId >= current.length) {
                current = Arrays.copyOf(current, Math.max(queueId + 1, current.length * 2));
            }
            current[queueId] = value;
            next = current;
        }

        private static void checkQueueId(int queueId) {
            if (queueId < 0) {
                throw new IllegalArgumentException("negative queue id " + queueId);
            }
        }
    }
}
