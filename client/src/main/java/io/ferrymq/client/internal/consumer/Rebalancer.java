package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.Agent;
import io.ferrymq.client.internal.AgentRunner;
import io.ferrymq.client.internal.RouteTable;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.QueueData;
import io.ferrymq.protocol.route.TopicRouteData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which queues this consumer pulls (every 20 s, and at once on NOTIFY_CONSUMER_IDS_CHANGED):
 * per subscribed topic, the readable queues of its route, shared with the group's other clients by
 * {@link AverageAllocation} (clustering) or all of them (broadcasting). Dropped queues have their
 * offsets committed (and locks released) before they go; new ones are locked (orderly) and start at
 * {@link StartOffsets}. A round that could not lock a queue runs again in a second. Thread-safe: the
 * runner serialises rounds.
 */
public final class Rebalancer implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(Rebalancer.class);
    private static final Duration LOCK_RETRY = Duration.ofSeconds(1);
    /** How long after start a missing retry-topic route is asked for every second, not every 30 s. */
    private static final long RETRY_ROUTE_GRACE_MS = 30_000;

    private final ConsumerRpc rpc;
    private final RouteTable routes;
    private final ConsumerSettings settings;
    private final String clientId;
    private final Collection<Subscription> subscriptions;
    private final Map<MessageQueue, ProcessQueue> assigned;
    private final StartOffsets startOffsets;
    private final OffsetStore offsets;
    private final PullLoop pulls;
    private final QueueLocks locks;
    private final Clock clock;
    private final java.util.function.Consumer<String> heartbeatTo;
    private final Set<String> greeted = new HashSet<>();
    private volatile AgentRunner runner;
    private boolean retrySoon;
    private long firstRoundAtMs = -1;

    public Rebalancer(
            ConsumerRpc rpc,
            RouteTable routes,
            ConsumerSettings settings,
            String clientId,
            Collection<Subscription> subscriptions,
            Map<MessageQueue, ProcessQueue> assigned,
            StartOffsets startOffsets,
            OffsetStore offsets,
            PullLoop pulls,
            QueueLocks locks,
            Clock clock,
            java.util.function.Consumer<String> heartbeatTo) {
        this.rpc = rpc;
        this.routes = routes;
        this.settings = settings;
        this.clientId = clientId;
        this.subscriptions = subscriptions;
        this.assigned = assigned;
        this.startOffsets = startOffsets;
        this.offsets = offsets;
        this.pulls = pulls;
        this.locks = locks;
        this.clock = clock;
        this.heartbeatTo = heartbeatTo;
    }

    /** The runner that drives this agent, for the quick re-run after a refused lock. */
    public void bind(AgentRunner runner) {
        this.runner = runner;
    }

    @Override
    public void doWork() {
        retrySoon = false;
        if (firstRoundAtMs < 0) {
            firstRoundAtMs = clock.millis();
        }
        Set<MessageQueue> wanted = new TreeSet<>();
        for (Subscription subscription : subscriptions) {
            wanted.addAll(wantedOf(subscription.topic()));
        }
        for (Map.Entry<MessageQueue, ProcessQueue> entry : List.copyOf(assigned.entrySet())) {
            if (!wanted.contains(entry.getKey()) || entry.getValue().isDropped()) {
                release(entry.getKey(), entry.getValue());
            }
        }
        List<MessageQueue> added =
                wanted.stream().filter(queue -> !assigned.containsKey(queue)).toList();
        if (!added.isEmpty()) {
            // as the official client does after an assignment change: the brokers must know the
            // subscription before the first pull, or they answer SUBSCRIPTION_NOT_EXIST (G10)
            heartbeatAll();
        }
        for (MessageQueue queue : added) {
            retrySoon |= !take(queue);
        }
        AgentRunner current = runner;
        if (retrySoon && current != null) {
            current.runAfter(LOCK_RETRY);
        }
    }

    /** The queues of {@code topic} this client should own; its current ones if the answer is unknown. */
    private List<MessageQueue> wantedOf(String topic) {
        try {
            Optional<TopicRouteData> route = routes.cached(topic).or(() -> routes.refresh(topic));
            List<MessageQueue> queues = route.map(r -> readable(topic, r)).orElse(List.of());
            if (queues.isEmpty()) {
                LOG.debug("no readable queue of {} in route {}", topic, route.orElse(null));
                // a topic just auto-created may reach the nameserver a moment later; so may the retry
                // topic, which the broker makes on our first heartbeat, and which a RETRY_LATER needs soon
                retrySoon |=
                        !topic.equals(settings.retryTopic()) || clock.millis() - firstRoundAtMs < RETRY_ROUTE_GRACE_MS;
                routes.forget(topic);
                return List.of();
            }
            if (!settings.clustering() || queues.isEmpty()) {
                return queues;
            }
            String addr = routes.masterAddr(queues.get(0).brokerName());
            greet(addr);
            List<String> clientIds = rpc.consumerIds(addr, settings.group());
            LOG.debug("{} of {} lists {}", addr, settings.group(), clientIds);
            if (!clientIds.contains(clientId)) {
                throw new ClientException(addr + " does not list this client in " + settings.group() + " yet");
            }
            return AverageAllocation.allocate(queues, clientIds, clientId);
        } catch (ClientException e) {
            // the broker may not have seen our heartbeat yet (G19): heartbeat again, retry in a second
            LOG.info("rebalance of {} deferred: {}", topic, e.getMessage());
            retrySoon = true;
            heartbeatAll();
            return assigned.keySet().stream()
                    .filter(q -> q.topic().equals(topic))
                    .toList();
        }
    }

    /**
     * Heartbeats a broker before first asking it for the group's clients, so that the answer includes
     * this client: the heartbeat sent on connecting may not have been applied yet.
     */
    private void greet(String addr) {
        if (greeted.add(addr)) {
            try {
                heartbeatTo.accept(addr);
            } catch (RuntimeException e) {
                greeted.remove(addr);
                throw e;
            }
        }
    }

    private void heartbeatAll() {
        for (String addr : routes.masterAddrs()) {
            try {
                heartbeatTo.accept(addr);
            } catch (RuntimeException e) {
                LOG.warn("heartbeat to {} failed: {}", addr, e.getMessage());
            }
        }
    }

    /** The queues of {@code route} a consumer may read, sorted. */
    public static List<MessageQueue> readable(String topic, TopicRouteData route) {
        List<MessageQueue> queues = new ArrayList<>();
        for (QueueData data : route.queueDatas()) {
            boolean hasMaster = route.brokerDatas().stream()
                    .anyMatch(b -> b.brokerName().equals(data.brokerName()) && b.masterAddr() != null);
            if (PermName.isReadable(data.perm()) && hasMaster) {
                for (int i = 0; i < data.readQueueNums(); i++) {
                    queues.add(new MessageQueue(topic, data.brokerName(), i));
                }
            }
        }
        queues.sort(null);
        return queues;
    }

    /** Starts pulling {@code queue}; false when its lock was refused. */
    private boolean take(MessageQueue queue) {
        if (settings.needsLocks() && !locks.lock(queue)) {
            LOG.debug("lock of {} refused", queue);
            return false;
        }
        long offset;
        try {
            offset = startOffsets.startOf(queue);
        } catch (ClientException e) {
            LOG.warn("no start offset for {} this round: {}", queue, e.getMessage());
            return true;
        }
        ProcessQueue process = new ProcessQueue(queue);
        process.markLocked(clock.millis());
        offsets.update(queue, offset, false);
        assigned.put(queue, process);
        pulls.start(process, offset);
        LOG.info("{} now pulls {} from offset {}", settings.group(), queue, offset);
        return true;
    }

    /** Stops pulling {@code queue}: commits its offset and, for orderly, waits for the batch in hand and unlocks. */
    public void release(MessageQueue queue, ProcessQueue process) {
        process.drop();
        boolean held = false;
        try {
            if (settings.needsLocks()) {
                held = process.consumeLock().tryLock(1, TimeUnit.SECONDS);
            }
            offsets.persistNow(queue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("committing the offset of released {} failed: {}", queue, e.getMessage());
        } finally {
            if (settings.needsLocks()) {
                locks.unlock(Set.of(queue));
            }
            if (held) {
                process.consumeLock().unlock();
            }
        }
        offsets.remove(queue);
        assigned.remove(queue, process);
        LOG.info("{} released {}", settings.group(), queue);
    }

    @Override
    public String roleName() {
        return "rebalance";
    }
}
