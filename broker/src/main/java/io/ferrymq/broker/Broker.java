package io.ferrymq.broker;

import io.ferrymq.broker.internal.ExecutorKind;
import io.ferrymq.broker.internal.HandlerRegistry;
import io.ferrymq.broker.internal.RequestExecutors;
import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.register.BrokerIdentity;
import io.ferrymq.broker.internal.register.NameServerRegistrar;
import io.ferrymq.broker.internal.send.InFlightSends;
import io.ferrymq.broker.internal.send.StoreHost;
import io.ferrymq.broker.internal.topic.RocksTopicConfigTable;
import io.ferrymq.broker.internal.topic.SystemTopics;
import io.ferrymq.broker.internal.transaction.CheckBackRelay;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.agent.AgentRunner;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.DeadLetterOffice;
import io.ferrymq.protocol.message.UniqueKeyGenerator;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.remoting.RemotingServer;
import io.ferrymq.remoting.ServerConfig;
import io.ferrymq.scheduler.DelayedDelivery;
import io.ferrymq.transaction.TransactionCoordinator;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running broker: the message store, the scheduler of delayed messages, the topic table, the
 * remoting server with one executor per kind of request, the handlers, and the registration with the
 * nameservers. {@link #start} opens
 * everything; {@link #close()} shuts down gracefully. Thread-safe.
 */
public final class Broker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    private static final long DRAIN_TIMEOUT_MS = 10_000;

    private final BrokerConfig config;
    private final MessageStore store;
    private final DelayedDelivery timers;
    private final TransactionCoordinator transactions;
    private final DeadLetterOffice deadLetters;
    private final CheckBackRelay checkBacks;
    private final TopicConfigTable topics;
    private final RequestExecutors executors;
    private final RemotingServer server;
    private final InFlightSends inFlight = new InFlightSends();
    private final StoreHost storeHost;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile BrokerParts parts;
    private volatile RemotingClient nameServerClient;
    private volatile NameServerRegistrar registrar;
    private volatile AgentRunner registrarRunner;

    private Broker(
            BrokerConfig config,
            MessageStore store,
            TopicConfigTable topics,
            DelayedDelivery timers,
            TransactionCoordinator transactions,
            DeadLetterOffice deadLetters,
            CheckBackRelay checkBacks,
            InetAddress ip) {
        this.timers = timers;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.checkBacks = checkBacks;
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.executors = new RequestExecutors(threads(config));
        this.server = new RemotingServer(ServerConfig.of(config.bindAddress(), config.listenPort()));
        int fixedPort = config.listenPort();
        this.storeHost =
                new StoreHost(ip.getAddress(), ip.getHostAddress(), () -> fixedPort != 0 ? fixedPort : server.port());
    }

    /** Opens the store under {@code storePathRootDir}, listens, and registers with the nameservers. */
    public static Broker start(BrokerConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /**
     * As {@link #start(BrokerConfig)} with the given clock (store times, data versions, registration
     * period).
     *
     * @throws IOException when the store cannot be opened
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static Broker start(BrokerConfig config, Clock clock) throws IOException {
        InetAddress ip = InetAddress.getByName(config.brokerIP1());
        MessageStore store = MessageStore.open(config.storeConfig(), clock, DiskUsageProbe.fileSystem());
        Broker broker;
        DelayedDelivery timers = null;
        TransactionCoordinator transactions = null;
        DeadLetterOffice deadLetters = null;
        CheckBackRelay checkBacks = new CheckBackRelay();
        try {
            timers = DelayedDelivery.start(store, config.timerConfig(), clock);
            transactions = TransactionCoordinator.start(store, config.transactionConfig(), clock, checkBacks);
            deadLetters = DeadLetterOffice.start(store, clock);
            // a delayed message or a half message waits in the commit log: its segment stays until
            // it is delivered or settled
            store.commitLog().addRetentionFloor(timers::retentionFloorOffset);
            store.commitLog().addRetentionFloor(transactions::retentionFloorOffset);
            TopicConfigTable topics = RocksTopicConfigTable.open(
                    store.storeDb(),
                    clock,
                    config.autoCreateTopicEnable(),
                    SystemTopics.of(
                            config.brokerClusterName(),
                            config.brokerName(),
                            config.autoCreateTopicEnable(),
                            config.defaultTopicQueueNums()));
            broker = new Broker(config, store, topics, timers, transactions, deadLetters, checkBacks, ip);
        } catch (RuntimeException e) {
            if (deadLetters != null) {
                deadLetters.close();
            }
            if (transactions != null) {
                transactions.close();
            }
            if (timers != null) {
                timers.close();
            }
            store.close();
            throw e;
        }
        try {
            broker.run(clock, ip);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private void run(Clock clock, InetAddress ip) {
        UniqueKeyGenerator keys = UniqueKeyGenerator.forProcess(ip, clock);
        boolean ephemeralPort = config.listenPort() == 0;
        if (ephemeralPort) {
            // the advertised address needs the port the OS picks; a fixed port is served only once
            // every handler is registered
            server.start();
        }
        BrokerParts parts = new BrokerParts(
                config,
                store,
                topics,
                timers,
                transactions,
                deadLetters,
                checkBacks,
                storeHost,
                keys,
                inFlight,
                executors.of(ExecutorKind.PULL_FROM_DISK),
                clock);
        HandlerRegistry registry = (code, handler, kind) -> server.registerHandler(code, handler, executors.of(kind));
        parts.registerWith(registry);
        server.addChannelListener(parts.channelListener());
        this.parts = parts;
        if (!ephemeralPort) {
            server.start();
        }
        parts.start();
        startRegistrar(clock);
        LOG.info(
                "broker {} ({}) listening on {}:{}, advertised as {}, store {}",
                config.brokerName(),
                config.brokerClusterName(),
                config.bindAddress(),
                port(),
                advertisedAddress(),
                config.storePathRootDir());
    }

    private void startRegistrar(Clock clock) {
        if (config.namesrvAddr().isEmpty()) {
            LOG.warn("no namesrvAddr configured: this broker registers with no nameserver, clients cannot find it");
            return;
        }
        BrokerIdentity identity = new BrokerIdentity(
                config.brokerClusterName(),
                config.brokerName(),
                config.brokerId(),
                advertisedAddress(),
                storeHost.ip() + ":" + (port() + 1));
        nameServerClient = new RemotingClient(ClientConfig.defaults());
        registrar = new NameServerRegistrar(
                config.namesrvAddr(),
                identity,
                topics,
                nameServerClient,
                clock,
                config.registerNameServerPeriod(),
                config.registerBrokerTimeoutMills());
        AgentRunner runner = new AgentRunner(registrar, TimeUnit.MILLISECONDS.toNanos(1000));
        topics.addChangeListener(() -> {
            registrar.requestNow();
            runner.wake();
        });
        registrarRunner = runner.start();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** {@code brokerIP1:port}: the address in routes, STOREHOST and message ids. */
    public String advertisedAddress() {
        return storeHost.hostPort();
    }

    public BrokerConfig config() {
        return config;
    }

    public MessageStore store() {
        return store;
    }

    public TopicConfigTable topics() {
        return topics;
    }

    /** Dead-letter queues: counts, listing, replay. */
    public DeadLetterOffice deadLetters() {
        return deadLetters;
    }

    /** Transactions: half messages, their decisions and check-backs. */
    public TransactionCoordinator transactions() {
        return transactions;
    }

    /** The scheduler of delayed messages. */
    public DelayedDelivery timers() {
        return timers;
    }

    /**
     * Graceful shutdown: new requests are answered SYSTEM_BUSY while the queued ones run and pending
     * appends are answered; then the broker unregisters from its nameservers, stops listening, and
     * closes the store (flush, checkpoint, abort marker removed). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BrokerParts running = parts;
        if (running != null) {
            running.close();
        }
        stopRegistration();
        server.close();
        executors.close();
        deadLetters.close();
        transactions.close();
        timers.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.error("closing the store failed", e);
        }
        LOG.info("broker {} stopped", config.brokerName());
    }

    private void drain() throws InterruptedException {
        if (!executors.shutdownAndAwait(DRAIN_TIMEOUT_MS)) {
            LOG.warn("request executors still busy after {} ms; closing anyway", DRAIN_TIMEOUT_MS);
        }
        if (!inFlight.awaitNone(config.syncFlushTimeout() + DRAIN_TIMEOUT_MS)) {
            LOG.warn("appends still unanswered at shutdown; closing anyway");
        }
    }

    private void stopRegistration() {
        if (registrarRunner != null) {
            registrarRunner.close();
        }
        if (registrar != null) {
            registrar.unregisterAll();
        }
        if (nameServerClient != null) {
            nameServerClient.close();
        }
    }

    private static Map<ExecutorKind, Integer> threads(BrokerConfig config) {
        Map<ExecutorKind, Integer> threads = new EnumMap<>(ExecutorKind.class);
        threads.put(ExecutorKind.SEND, config.sendMessageThreadPoolNums());
        threads.put(ExecutorKind.PULL, Math.max(2, Runtime.getRuntime().availableProcessors()));
        threads.put(ExecutorKind.PULL_FROM_DISK, config.pullMessageThreadPoolNums());
        threads.put(ExecutorKind.CLIENT, config.clientManageThreadPoolNums());
        threads.put(ExecutorKind.OFFSET, config.consumerManageThreadPoolNums());
        threads.put(ExecutorKind.QUERY, config.queryMessageThreadPoolNums());
        threads.put(ExecutorKind.ADMIN, config.adminBrokerThreadPoolNums());
        return threads;
    }
}
