package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageQueue;
import java.util.Set;

/**
 * Where a consumer keeps the next offset to consume per queue: in memory, backed by the broker
 * (clustering) or a local file (broadcasting). Implementations are thread-safe.
 */
public interface OffsetStore {
    /** Loads what the backing store holds, if anything is to be loaded up front. */
    void load();

    /** The offset in memory, or -1. */
    long read(MessageQueue queue);

    /** The offset in the backing store, -1 when it has none; caches it in memory. */
    long readStored(MessageQueue queue);

    /** Sets the offset in memory; with {@code increaseOnly} never moves it back. */
    void update(MessageQueue queue, long offset, boolean increaseOnly);

    /** Writes the offsets of {@code queues} to the backing store (best effort, no waiting). */
    void persist(Set<MessageQueue> queues);

    /** Writes one queue's offset and waits for it to be stored. */
    void persistNow(MessageQueue queue);

    /** Forgets {@code queue} in memory. */
    void remove(MessageQueue queue);
}
