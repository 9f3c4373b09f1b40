package io.ferrymq.broker.internal.consume;

import io.ferrymq.broker.internal.HandlerRegistry;
import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.admin.TrafficSampler;
import io.ferrymq.broker.internal.consume.admin.TrafficStats;
import io.ferrymq.broker.internal.consume.client.ClientExpiryAgent;
import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.client.ConsumerIdsNotifier;
import io.ferrymq.broker.internal.consume.client.RegistryChannelListener;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.consume.lock.QueueLockTable;
import io.ferrymq.broker.internal.consume.offset.ConsumerOffsetTable;
import io.ferrymq.broker.internal.consume.offset.OffsetFlushAgent;
import io.ferrymq.broker.internal.consume.pull.HeldPulls;
import io.ferrymq.broker.internal.consume.pull.MemoryWindow;
import io.ferrymq.broker.internal.consume.pull.PullGate;
import io.ferrymq.broker.internal.consume.pull.PullHandler;
import io.ferrymq.broker.internal.consume.pull.PullHoldAgent;
import io.ferrymq.broker.internal.consume.pull.PullReader;
import io.ferrymq.broker.internal.consume.pull.PullResumer;
import io.ferrymq.broker.internal.consume.pull.PullWaker;
import io.ferrymq.commitlog.agent.Agent;
import io.ferrymq.commitlog.agent.AgentRunner;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.remoting.ChannelListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's consume side: client registry, pulls with long polling, consumer offsets, queue
 * locks, message queries, subscription groups and the admin requests over them. Built by the broker
 * core, which then calls {@link #registerWith}, adds {@link #channelListener()} to its remoting
 * server, and calls {@link #start()} / {@link #close()}.
 *
 * <p>Held pulls are resumed on a small executor of its own ({@code ferrymq-pull-resume-N}), created
 * here, so the dispatcher thread never reads or writes for a pull. Agents: {@link PullHoldAgent}
 * (suspend timeouts, every {@value #HOLD_IDLE_MS} ms idle) and {@link ClientExpiryAgent} (silent
 * clients, 120 s).
 *
 * <p>Thread-safe; start and close once each.
 */
public final class ConsumeSide implements AutoCloseable {
    static final long HOLD_IDLE_MS = 20;
    private static final long EXPIRY_IDLE_MS = 1000;

    private final ConsumeParts parts;
    private final ExecutorService resumeExecutor;
    private final PullHoldAgent holdAgent;
    private final ClientExpiryAgent expiryAgent;
    private final OffsetFlushAgent offsetFlushAgent;
    private final TrafficSampler trafficSampler;
    private final long offsetFlushIntervalMs;
    private final ChannelListener channelListener;
    private final PullWaker waker;
    private final MessageStore store;
    private final HeldPulls held;
    private List<AgentRunner> runners = List.of();

    /**
     * @param coldReads where pulls of batches outside the memory window are answered (the broker's
     *     {@code pullMessageThreadPoolNums} pool)
     */
    public ConsumeSide(
            ConsumeSettings settings, MessageStore store, TopicConfigTable topics, Executor coldReads, Clock clock) {
        this.store = store;
        this.resumeExecutor = Executors.newFixedThreadPool(resumeThreads(), daemonThreads("ferrymq-pull-resume-"));
        SubscriptionGroupTable groups = new SubscriptionGroupTable(store.storeDb(), clock);
        ClientRegistry clients = new ClientRegistry(new ConsumerIdsNotifier(groups), clock);
        ConsumerOffsetTable offsets = new ConsumerOffsetTable(store.storeDb());
        this.held = new HeldPulls();
        TrafficStats traffic = new TrafficStats(store::dispatchedMessages, clock);
        PullReader reader = new PullReader(store, traffic::transferred);
        PullResumer resumer = new PullResumer(reader, held, resumeExecutor, clock);
        PullHandler pulls = new PullHandler(
                new PullGate(topics, groups, clients, settings.autoCreateSubscriptionGroup()),
                reader,
                held,
                offsets,
                store,
                resumer,
                MemoryWindow.ofPhysicalMemory(
                        () -> store.commitLog().writtenOffset(), settings.accessMessageInMemoryMaxRatio()),
                coldReads,
                clock,
                settings.longPollingEnable(),
                settings.shortPollingTimeMills());
        this.parts = new ConsumeParts(
                settings, store, topics, clock, groups, clients, offsets, new QueueLockTable(clock), pulls, traffic);
        this.holdAgent = new PullHoldAgent(held, resumer, store, clock);
        this.expiryAgent = new ClientExpiryAgent(clients, clock);
        this.offsetFlushAgent = new OffsetFlushAgent(offsets);
        this.trafficSampler = new TrafficSampler(traffic);
        this.offsetFlushIntervalMs = settings.flushConsumerOffsetInterval();
        this.channelListener = new RegistryChannelListener(clients);
        this.waker = new PullWaker(held, resumer);
    }

    /** Registers every consume-side handler, each on the executor of its kind. */
    public void registerWith(HandlerRegistry registry) {
        new ConsumeHandlers(parts).registerWith(registry);
    }

    /** Starts listening to the dispatcher and the three agents. */
    public synchronized void start() {
        store.addDispatchListener(waker);
        runners = List.of(
                new AgentRunner(holdAgent, TimeUnit.MILLISECONDS.toNanos(HOLD_IDLE_MS)).start(),
                new AgentRunner(expiryAgent, TimeUnit.MILLISECONDS.toNanos(EXPIRY_IDLE_MS)).start(),
                new AgentRunner(offsetFlushAgent, TimeUnit.MILLISECONDS.toNanos(offsetFlushIntervalMs)).start(),
                new AgentRunner(trafficSampler, TimeUnit.SECONDS.toNanos(1)).start());
    }

    /** To be added to the broker's remoting server: drops a client's registrations when its channel closes. */
    public ChannelListener channelListener() {
        return channelListener;
    }

    /** Producer and consumer registrations (the transaction check-back needs the producer channels). */
    public ClientRegistry clients() {
        return parts.clients();
    }

    /** Subscription-group config (the send-back path needs retryMaxTimes and retryQueueNums). */
    public SubscriptionGroupTable subscriptionGroups() {
        return parts.groups();
    }

    public ConsumerOffsetTable offsets() {
        return parts.offsets();
    }

    /** The suspend-timeout agent, for tests that step it with a manual clock instead of calling start. */
    public Agent pullHoldAgent() {
        return holdAgent;
    }

    /** The client-expiry agent, for tests that step it with a manual clock. */
    public Agent clientExpiryAgent() {
        return expiryAgent;
    }

    /** Pulls parked now (diagnostics and tests). */
    public int heldPullCount() {
        return held.size();
    }

    /** The dispatch listener that wakes held pulls, for tests that do not call start. */
    public PullWaker pullWaker() {
        return waker;
    }

    /**
     * Stops the agents and the resume executor (held pulls are dropped; their connections close next)
     * and persists the offsets committed since the last flush.
     */
    @Override
    public synchronized void close() {
        for (AgentRunner runner : runners) {
            runner.close();
        }
        resumeExecutor.shutdownNow();
        parts.offsets().flush();
    }

    private static int resumeThreads() {
        return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
