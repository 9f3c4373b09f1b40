package io.ferrymq.broker.internal.consume.lock;

import io.ferrymq.broker.internal.consume.wire.MessageQueueJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which client of a consumer group holds each queue (RocketMQ's rebalance lock): a lock held by
 * another client is refused until {@value #LOCK_MAX_LIVE_MS} ms after that client last locked it;
 * locking again refreshes; unlocking releases only the caller's own locks. Expiry is checked lazily
 * against the injected clock, so there is nothing to run in the background.
 *
 * <p>Thread-safe: all access is serialised on this table (lock traffic is a few requests per client
 * every 20 s).
 */
public final class QueueLockTable {
    /** RocketMQ's {@code rocketmq.broker.rebalance.lockMaxLiveTime}. */
    public static final long LOCK_MAX_LIVE_MS = 60_000;

    private final Map<LockKey, Holder> locks = new HashMap<>();
    private final Clock clock;

    public QueueLockTable(Clock clock) {
        this.clock = clock;
    }

    private record LockKey(String group, String topic, int queueId) {}

    private record Holder(String clientId, long lastLockMs) {}

    /** Locks what it can for {@code clientId}; returns the queues now held by it. */
    public synchronized List<MessageQueueJson> lock(String group, String clientId, List<MessageQueueJson> queues) {
        long now = clock.millis();
        List<MessageQueueJson> locked = new ArrayList<>();
        for (MessageQueueJson queue : queues) {
            LockKey key = new LockKey(group, queue.topic(), queue.queueId());
            Holder holder = locks.get(key);
            if (holder == null || holder.clientId().equals(clientId) || expired(holder, now)) {
                locks.put(key, new Holder(clientId, now));
                locked.add(queue);
            }
        }
        return locked;
    }

    /** Releases the queues held by {@code clientId}; others' locks stay. */
    public synchronized void unlock(String group, String clientId, List<MessageQueueJson> queues) {
        for (MessageQueueJson queue : queues) {
            LockKey key = new LockKey(group, queue.topic(), queue.queueId());
            Holder holder = locks.get(key);
            if (holder != null && holder.clientId().equals(clientId)) {
                locks.remove(key);
            }
        }
    }

    /** The client holding the queue now, or null. */
    public synchronized String holder(String group, String topic, int queueId) {
        Holder holder = locks.get(new LockKey(group, topic, queueId));
        return holder == null || expired(holder, clock.millis()) ? null : holder.clientId();
    }

    private static boolean expired(Holder holder, long now) {
        return now - holder.lastLockMs() > LOCK_MAX_LIVE_MS;
    }
}
