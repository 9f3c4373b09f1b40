package io.ferrymq.broker.internal.consume.pull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The parked pulls, by topic then queue id, so a dispatched message finds the pulls of its queue
 * without allocating, and an empty table costs one volatile read.
 *
 * <p>Thread-safe: parked by pull threads, taken by the dispatcher's listener and the hold agent; a
 * pull is taken at most once (removal from its queue decides).
 */
public final class HeldPulls {
    private final Map<String, Map<Integer, Queue<HeldPull>>> byTopic = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public void park(HeldPull pull) {
        byTopic.computeIfAbsent(pull.header().topic(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(pull.header().queueId(), q -> new ConcurrentLinkedQueue<>())
                .add(pull);
        count.incrementAndGet();
    }

    public boolean isEmpty() {
        return count.get() == 0;
    }

    public int size() {
        return count.get();
    }

    /** Takes the pulls of (topic, queueId) whose expression may match a message with {@code tagsHash}. */
    public List<HeldPull> takeMatching(String topic, int queueId, long tagsHash) {
        return takeMatching(topic, queueId, tagsHash, false);
    }

    /** As {@link #takeMatching(String, int, long)}; with {@code any}, every pull of the queue. */
    public List<HeldPull> takeMatching(String topic, int queueId, long tagsHash, boolean any) {
        Map<Integer, Queue<HeldPull>> queues = byTopic.get(topic);
        Queue<HeldPull> held = queues == null ? null : queues.get(queueId);
        if (held == null || held.isEmpty()) {
            return List.of();
        }
        return take(held, pull -> any || pull.expression().filter().matches(tagsHash));
    }

    /** Takes every parked pull that satisfies {@code due}. */
    public List<HeldPull> takeIf(Predicate<HeldPull> due) {
        List<HeldPull> taken = new ArrayList<>();
        for (Map<Integer, Queue<HeldPull>> queues : byTopic.values()) {
            for (Queue<HeldPull> held : queues.values()) {
                taken.addAll(take(held, due));
            }
        }
        return taken;
    }

    private List<HeldPull> take(Queue<HeldPull> held, Predicate<HeldPull> wanted) {
        List<HeldPull> taken = new ArrayList<>(2);
        for (Iterator<HeldPull> it = held.iterator(); it.hasNext(); ) {
            HeldPull pull = it.next();
            if (wanted.test(pull) && held.remove(pull)) {
                count.decrementAndGet();
                taken.add(pull);
            }
        }
        return taken;
    }
}
