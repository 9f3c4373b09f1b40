package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.MessageQueue;

/**
 * Where pulling a newly assigned queue begins (wire-protocol §4.5): the stored offset if there is one;
 * else by {@link ConsumeFrom}: FIRST → 0; LAST → the max offset (0 for a retry topic); TIMESTAMP → the
 * offset searched by time (the max offset for a retry topic). Thread-safe.
 */
public final class StartOffsets {
    /** The broker look-ups the fallback needs. */
    public interface QueueOffsets {
        long maxOffset(MessageQueue queue);

        long searchOffset(MessageQueue queue, long timestampMs);
    }

    private final OffsetStore store;
    private final QueueOffsets broker;
    private final ConsumeFrom consumeFrom;

    public StartOffsets(OffsetStore store, QueueOffsets broker, ConsumeFrom consumeFrom) {
        this.store = store;
        this.broker = broker;
        this.consumeFrom = consumeFrom;
    }

    /** The first offset to pull; throws when a look-up fails (the queue is then skipped this round). */
    public long startOf(MessageQueue queue) {
        long stored = store.readStored(queue);
        if (stored >= 0) {
            return stored;
        }
        boolean retryTopic = queue.topic().startsWith("%RETRY%");
        if (consumeFrom == ConsumeFrom.FIRST) {
            return 0;
        }
        if (consumeFrom == ConsumeFrom.LAST) {
            return retryTopic ? 0 : broker.maxOffset(queue);
        }
        return retryTopic
                ? broker.maxOffset(queue)
                : broker.searchOffset(queue, consumeFrom.timestampOrNull().toEpochMilli());
    }
}
