package io.ferrymq.nameserver;

import io.ferrymq.nameserver.internal.AgentRunner;
import io.ferrymq.nameserver.internal.BrokerChannelListener;
import io.ferrymq.nameserver.internal.BrokerExpiryAgent;
import io.ferrymq.nameserver.internal.KvConfigStore;
import io.ferrymq.nameserver.internal.LiveConfig;
import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.nameserver.internal.handler.HandlerTable;
import io.ferrymq.remoting.RemotingServer;
import io.ferrymq.remoting.ServerConfig;
import java.time.Clock;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nameserver: a remoting server answering the nameserver request codes from an in-memory
 * route registry, a runner expiring silent brokers, and a listener dropping brokers whose connection
 * goes away. Instances share nothing, so several can run in one JVM. Lifecycle: {@link #start()}
 * once, then {@link #stop()} (idempotent). Thread-safe.
 */
public final class NameServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameServer.class);

    private final NameServerConfig config;
    private final RemotingServer server;
    private final AgentRunner expiryRunner;
    private final ExecutorService workers;
    private final ExecutorService routeWorkers;
    private final AtomicBoolean stopped = new AtomicBoolean();

    public NameServer(NameServerConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock the time source of broker expiry (a manual one in tests) */
    public NameServer(NameServerConfig config, InstantSource clock) {
        this.config = config;
        LiveConfig liveConfig = new LiveConfig(config);
        RouteRegistry registry =
                new RouteRegistry(clock, () -> liveConfig.current().deleteTopicWithBrokerRegistration());
        this.workers = pool("namesrv-worker-", config.serverWorkerThreads());
        this.routeWorkers = pool("namesrv-route-", config.clientRequestThreadPoolNums());
        this.server = new RemotingServer(serverConfig(config));
        for (HandlerTable.Entry entry : new HandlerTable(registry, new KvConfigStore(), liveConfig, clock).entries()) {
            server.registerHandler(entry.code(), entry.handler(), entry.clientPool() ? routeWorkers : workers);
        }
        server.addChannelListener(new BrokerChannelListener(registry));
        this.expiryRunner = new AgentRunner(new BrokerExpiryAgent(registry), config.scanNotActiveBrokerInterval());
    }

    /**
     * Binds the port and starts expiring brokers.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public void start() {
        server.start();
        expiryRunner.start();
        LOG.info("nameserver started on {}", address());
    }

    /** The bound port (the OS's pick when configured as 0). */
    public int port() {
        return server.port();
    }

    /** {@code listenAddress:port}, e.g. {@code 127.0.0.1:9876}. */
    public String address() {
        return config.listenAddress() + ":" + port();
    }

    public NameServerConfig config() {
        return config;
    }

    /** Closes every connection and stops all threads. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        expiryRunner.close();
        server.close();
        workers.shutdown();
        routeWorkers.shutdown();
        try {
            workers.awaitTermination(3, TimeUnit.SECONDS);
            routeWorkers.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("nameserver stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private static ServerConfig serverConfig(NameServerConfig config) {
        ServerConfig base = ServerConfig.of(config.listenAddress(), config.listenPort());
        return new ServerConfig(
                base.bindAddress(),
                base.listenPort(),
                config.serverSelectorThreads(),
                base.maxFrameBytes(),
                config.serverChannelMaxIdleTimeSeconds(),
                base.useEpoll(),
                base.writeBufferLowWaterMark(),
                base.writeBufferHighWaterMark());
    }

    private static ExecutorService pool(String prefix, int threads) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
