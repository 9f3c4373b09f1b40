package io.ferrymq.consumequeue.internal;

import io.ferrymq.consumequeue.DispatchListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch notices of one step, kept in reusable parallel arrays and delivered to the {@link
 * DispatchListener}s once the step's entries are readable. Allocation-free per record.
 *
 * <p>Not thread-safe: owned by the dispatcher thread.
 */
final class DispatchNotices {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchNotices.class);

    private final String[] topics;
    private final int[] queueIds;
    private final int[] sizes;
    private final long[] queueOffsets;
    private final long[] physicalOffsets;
    private final long[] storeTimes;
    private final long[] tagsHashes;
    private int count;

    DispatchNotices(int capacity) {
        topics = new String[capacity];
        queueIds = new int[capacity];
        sizes = new int[capacity];
        queueOffsets = new long[capacity];
        physicalOffsets = new long[capacity];
        storeTimes = new long[capacity];
        tagsHashes = new long[capacity];
    }

    int capacity() {
        return topics.length;
    }

    void add(String topic, int queueId, long queueOffset, long physicalOffset, int size, long storeMs, long tags) {
        topics[count] = topic;
        queueIds[count] = queueId;
        queueOffsets[count] = queueOffset;
        physicalOffsets[count] = physicalOffset;
        sizes[count] = size;
        storeTimes[count] = storeMs;
        tagsHashes[count] = tags;
        count++;
    }

    /** Tells every listener about every notice, then forgets them. */
    void deliver(List<DispatchListener> listeners) {
        for (DispatchListener listener : listeners) {
            for (int i = 0; i < count; i++) {
                try {
                    listener.onDispatched(
                            topics[i],
                            queueIds[i],
                            queueOffsets[i],
                            physicalOffsets[i],
                            sizes[i],
                            storeTimes[i],
                            tagsHashes[i]);
                } catch (RuntimeException e) {
                    LOG.error(
                            "dispatch listener {} failed on {}-{}@{}",
                            listener,
                            topics[i],
                            queueIds[i],
                            queueOffsets[i],
                            e);
                }
            }
        }
        count = 0;
    }
}
