package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ConcurrentListener;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.OrderlyListener;
import io.ferrymq.client.internal.AgentRunner;
import io.ferrymq.client.internal.ClientRuntime;
import io.ferrymq.client.internal.WireBodies.ConsumerData;
import io.ferrymq.client.internal.WireBodies.HeartbeatData;
import io.ferrymq.client.internal.WireBodies.ProducerData;
import io.ferrymq.client.internal.producer.MessageSender;
import io.ferrymq.client.internal.producer.PublishQueues;
import io.ferrymq.client.internal.producer.SendRetryPolicy;
import io.ferrymq.client.internal.producer.SendSettings;
import io.ferrymq.protocol.RequestCode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push consumer's moving parts wired together: runtime, offset store, pull loop, dispatcher,
 * rebalancer, offset commits every 5 s, lock renewal every 20 s (orderly clustering), and the handler
 * of NOTIFY_CONSUMER_IDS_CHANGED. Thread-safe.
 */
public final class ConsumerEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerEngine.class);
    private static final Duration REBALANCE_INTERVAL = Duration.ofSeconds(20);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration LOCK_INTERVAL = Duration.ofSeconds(20);

    private final ConsumerSettings settings;
    private final Clock clock;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<MessageQueue, ProcessQueue> assigned = new ConcurrentHashMap<>();
    private final ClientRuntime runtime;
    private final ConsumerRpc rpc;
    private final OffsetStore offsets;
    private final QueueLocks locks;
    private final ExecutorService consumeThreads;
    private final Rebalancer rebalancer;
    private AgentRunner rebalanceRunner;

    /** @param listener a {@link ConcurrentListener} or an {@link OrderlyListener} */
    public ConsumerEngine(
            String namesrvAddr, ConsumerSettings settings, Map<String, String> topics, Object listener, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        long subVersion = clock.millis();
        topics.forEach((topic, expression) ->
                subscriptions.put(topic, new Subscription(topic, TagExpression.parse(expression), subVersion)));
        if (settings.clustering()) {
            subscriptions.put(
                    settings.retryTopic(),
                    new Subscription(settings.retryTopic(), TagExpression.parse("*"), subVersion));
        }
        this.runtime = new ClientRuntime(namesrvAddr, clock, "consumer-" + settings.group(), this::heartbeatData);
        this.rpc = new ConsumerRpc(runtime.rpc());
        this.offsets = settings.clustering()
                ? new BrokerOffsetStore(rpc, runtime.routes(), settings.group())
                : new LocalOffsetStore(settings.offsetDir(), settings.group());
        this.locks = new QueueLocks(rpc, runtime.routes(), settings.group(), runtime.clientId(), assigned, clock);
        this.consumeThreads = Executors.newFixedThreadPool(
                settings.consumeThreads(), ClientRuntime.threads("ferrymq-consume-" + settings.group()));
        PullLoop pulls = new PullLoop(
                runtime.rpc(),
                runtime.routes(),
                runtime.scheduler(),
                settings,
                Map.copyOf(subscriptions),
                offsets,
                dispatcher(listener),
                queue -> rebalanceRunner.runSoon(),
                clock);
        StartOffsets starts = new StartOffsets(offsets, queueOffsets(), settings.consumeFrom());
        this.rebalancer = new Rebalancer(
                rpc,
                runtime.routes(),
                settings,
                runtime.clientId(),
                List.copyOf(subscriptions.values()),
                assigned,
                starts,
                offsets,
                pulls,
                locks,
                clock,
                addr -> runtime.heartbeat().send(addr));
    }

    /** Heartbeats, rebalances once, then starts every agent. */
    public void start() {
        offsets.load();
        for (String topic : subscriptions.keySet()) {
            runtime.routes().route(topic);
        }
        runtime.heartbeat().doWork();
        runtime.start();
        rebalanceRunner = runtime.schedule(rebalancer, REBALANCE_INTERVAL, REBALANCE_INTERVAL);
        rebalancer.bind(rebalanceRunner);
        runtime.remoting()
                .registerHandler(
                        RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                        (channel, request) -> {
                            rebalanceRunner.runSoon();
                            return null;
                        },
                        runtime.scheduler());
        rebalanceRunner.step();
        runtime.schedule(new OffsetCommitAgent(offsets, assigned), COMMIT_INTERVAL, COMMIT_INTERVAL);
        if (settings.needsLocks()) {
            runtime.schedule(locks, LOCK_INTERVAL, LOCK_INTERVAL);
        }
    }

    private ConsumeDispatcher dispatcher(Object listener) {
        MessageSender inner = new MessageSender(
                runtime.rpc(),
                runtime.routes(),
                new PublishQueues(runtime.routes()),
                new SendSettings(RetrySender.INNER_PRODUCER_GROUP, 3000, new SendRetryPolicy(1), 0, Integer.MAX_VALUE),
                clock,
                runtime.scheduler());
        RetrySender retry =
                new RetrySender(rpc, runtime.routes(), inner, settings.group(), settings.maxReconsumeTimes());
        if (listener instanceof OrderlyListener orderly) {
            return new OrderlyDispatcher(orderly, consumeThreads, runtime.scheduler(), settings, offsets, clock, retry);
        }
        return new ConcurrentDispatcher(
                (ConcurrentListener) listener, consumeThreads, runtime.scheduler(), settings, offsets, retry);
    }

    private StartOffsets.QueueOffsets queueOffsets() {
        return new StartOffsets.QueueOffsets() {
            @Override
            public long maxOffset(MessageQueue queue) {
                return rpc.maxOffset(addrOf(queue), queue);
            }

            @Override
            public long searchOffset(MessageQueue queue, long timestampMs) {
                return rpc.searchOffset(addrOf(queue), queue, timestampMs);
            }
        };
    }

    private String addrOf(MessageQueue queue) {
        String addr = runtime.routes().masterAddr(queue.brokerName());
        if (addr == null) {
            throw new io.ferrymq.client.ClientException("no master address known for " + queue.brokerName());
        }
        return addr;
    }

    private HeartbeatData heartbeatData() {
        ConsumerData consumer = new ConsumerData(
                settings.group(),
                "CONSUME_PASSIVELY",
                settings.messageModel().name(),
                settings.consumeFrom().wireName(),
                subscriptions.values().stream().map(Subscription::toWire).toList(),
                false);
        List<ProducerData> producers = settings.clustering() && !settings.orderly()
                ? List.of(new ProducerData(RetrySender.INNER_PRODUCER_GROUP))
                : List.of();
        return new HeartbeatData(runtime.clientId(), List.of(consumer), producers, 0, false);
    }

    /** The queues this consumer pulls now, sorted. */
    public Set<MessageQueue> assignedQueues() {
        return new TreeSet<>(assigned.keySet());
    }

    public String clientId() {
        return runtime.clientId();
    }

    /** Stops the agents and pulling, lets running listeners finish (up to 10 s), commits offsets, unlocks, unregisters. */
    @Override
    public void close() {
        // no periodic (oneway) commit may overtake the final one below and set an offset back
        runtime.stopAgents();
        assigned.values().forEach(ProcessQueue::drop);
        consumeThreads.shutdown();
        try {
            if (!consumeThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("listeners of {} still running after 10 s; stopping them", settings.group());
                consumeThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            consumeThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (MessageQueue queue : assigned.keySet()) {
            try {
                offsets.persistNow(queue);
            } catch (RuntimeException e) {
                LOG.warn("final offset commit of {} failed: {}", queue, e.getMessage());
            }
        }
        if (settings.needsLocks()) {
            locks.unlock(assigned.keySet());
        }
        runtime.unregister(null, settings.group());
        runtime.close();
    }
}
