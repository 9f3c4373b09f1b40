package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.Agent;
import io.ferrymq.client.internal.RouteTable;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker locks an orderly clustering consumer holds on its queues (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ):
 * one queue before its first pull, all of them again every 20 s as an {@link Agent}. Thread-safe.
 */
public final class QueueLocks implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(QueueLocks.class);

    private final ConsumerRpc rpc;
    private final RouteTable routes;
    private final String group;
    private final String clientId;
    private final Map<MessageQueue, ProcessQueue> assigned;
    private final Clock clock;

    public QueueLocks(
            ConsumerRpc rpc,
            RouteTable routes,
            String group,
            String clientId,
            Map<MessageQueue, ProcessQueue> assigned,
            Clock clock) {
        this.rpc = rpc;
        this.routes = routes;
        this.group = group;
        this.clientId = clientId;
        this.assigned = assigned;
        this.clock = clock;
    }

    /** Locks one queue; false when another client holds it or the broker cannot be reached. */
    public boolean lock(MessageQueue queue) {
        String addr = routes.masterAddr(queue.brokerName());
        if (addr == null) {
            return false;
        }
        try {
            return rpc.lock(addr, group, clientId, Set.of(queue)).contains(queue);
        } catch (ClientException e) {
            LOG.warn("locking {} failed: {}", queue, e.getMessage());
            return false;
        }
    }

    /** Releases the locks on {@code queues}; failures are logged (the broker lets them expire). */
    public void unlock(Set<MessageQueue> queues) {
        for (Map.Entry<String, Set<MessageQueue>> byBroker : byBroker(queues).entrySet()) {
            String addr = routes.masterAddr(byBroker.getKey());
            try {
                if (addr != null) {
                    rpc.unlock(addr, group, clientId, byBroker.getValue());
                }
            } catch (ClientException e) {
                LOG.warn("unlocking {} failed: {}", byBroker.getValue(), e.getMessage());
            }
        }
    }

    /** Renews the locks of every assigned queue; queues refused are marked unlocked. */
    @Override
    public void doWork() {
        for (Map.Entry<String, Set<MessageQueue>> byBroker :
                byBroker(assigned.keySet()).entrySet()) {
            String addr = routes.masterAddr(byBroker.getKey());
            if (addr == null) {
                continue;
            }
            Set<MessageQueue> held = rpc.lock(addr, group, clientId, byBroker.getValue());
            long now = clock.millis();
            for (MessageQueue queue : byBroker.getValue()) {
                ProcessQueue process = assigned.get(queue);
                if (process != null && held.contains(queue)) {
                    process.markLocked(now);
                } else if (process != null) {
                    process.markUnlocked();
                }
            }
        }
    }

    private static Map<String, Set<MessageQueue>> byBroker(Set<MessageQueue> queues) {
        Map<String, Set<MessageQueue>> grouped = new HashMap<>();
        for (MessageQueue queue : queues) {
            grouped.computeIfAbsent(queue.brokerName(), name -> new HashSet<>()).add(queue);
        }
        return grouped;
    }

    @Override
    public String roleName() {
        return "queue-locks";
    }
}
