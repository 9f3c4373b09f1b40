package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.Agent;
import java.util.HashSet;
import java.util.Map;

/** Writes the offsets of every assigned queue to the offset store's backing store (every 5 s). Thread-safe. */
public final class OffsetCommitAgent implements Agent {
    private final OffsetStore store;
    private final Map<MessageQueue, ProcessQueue> assigned;

    public OffsetCommitAgent(OffsetStore store, Map<MessageQueue, ProcessQueue> assigned) {
        this.store = store;
        this.assigned = assigned;
    }

    @Override
    public void doWork() {
        store.persist(new HashSet<>(assigned.keySet()));
    }

    @Override
    public String roleName() {
        return "offset-commit";
    }
}
