package io.ferrymq.client.internal;

import io.ferrymq.client.internal.WireBodies.HeartbeatData;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.broker.UnregisterClientRequestHeader;
import io.ferrymq.remoting.ChannelListener;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RemotingClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every FerryMQ client instance (producer, consumer, admin) runs on: its id, clock, transport,
 * route table, a small scheduler, and the route-refresh and heartbeat agents (every 30 s; a heartbeat
 * also goes to a broker as soon as its connection opens). Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);
    private static final Duration ROUTE_INTERVAL = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    private static final long UNREGISTER_TIMEOUT_MS = 3000;

    private final String clientId;
    private final Clock clock;
    private final RemotingClient remoting;
    private final Rpc rpc;
    private final RouteTable routes;
    private final ScheduledExecutorService scheduler;
    private final HeartbeatAgent heartbeat;
    private final List<AgentRunner> runners = new ArrayList<>();

    public ClientRuntime(String namesrvAddr, Clock clock, String role, Supplier<HeartbeatData> heartbeatBody) {
        this.clientId = ClientIds.newClientId();
        this.clock = clock;
        this.remoting = new RemotingClient(ClientConfig.defaults());
        this.rpc = new Rpc(remoting);
        this.routes = new RouteTable(rpc, namesrvAddr);
        this.scheduler = Executors.newScheduledThreadPool(2, threads("ferrymq-" + role));
        this.heartbeat = new HeartbeatAgent(rpc, routes, heartbeatBody);
    }

    /** Starts route refresh and heartbeats; heartbeats new broker connections at once. */
    public void start() {
        remoting.addChannelListener(new ChannelListener() {
            @Override
            public void onConnected(RemoteChannel channel) {
                String addr = channel.remoteAddress();
                if (routes.masterAddrs().contains(addr)) {
                    scheduler.execute(() -> heartbeatQuietly(addr));
                }
            }
        });
        schedule(routes, ROUTE_INTERVAL, ROUTE_INTERVAL);
        schedule(heartbeat, Duration.ofSeconds(1), HEARTBEAT_INTERVAL);
    }

    /** Runs {@code agent} every {@code interval} on the scheduler; the runner is closed with this runtime. */
    public AgentRunner schedule(Agent agent, Duration initialDelay, Duration interval) {
        AgentRunner runner = new AgentRunner(agent, scheduler);
        runner.start(initialDelay, interval);
        runners.add(runner);
        return runner;
    }

    private void heartbeatQuietly(String addr) {
        try {
            heartbeat.send(addr);
        } catch (RuntimeException e) {
            LOG.warn("heartbeat to new connection {} failed: {}", addr, e.getMessage());
        }
    }

    /** UNREGISTER_CLIENT for one group to every known master; failures are logged. */
    public void unregister(String producerGroup, String consumerGroup) {
        for (String addr : routes.masterAddrs()) {
            try {
                RemotingCommand request = Rpc.request(
                        RequestCode.UNREGISTER_CLIENT,
                        new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup, null));
                rpc.callOk(addr, request, UNREGISTER_TIMEOUT_MS);
            } catch (RuntimeException e) {
                LOG.warn("unregister from {} failed: {}", addr, e.getMessage());
            }
        }
    }

    public String clientId() {
        return clientId;
    }

    public Clock clock() {
        return clock;
    }

    public RemotingClient remoting() {
        return remoting;
    }

    public Rpc rpc() {
        return rpc;
    }

    public RouteTable routes() {
        return routes;
    }

    public HeartbeatAgent heartbeat() {
        return heartbeat;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Stops every agent, waiting for rounds in progress; the transport stays open. */
    public void stopAgents() {
        runners.forEach(AgentRunner::close);
    }

    /** Stops the agents, the scheduler and the transport. */
    @Override
    public void close() {
        stopAgents();
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        remoting.close();
    }

    /** Daemon threads named {@code prefix-N}. */
    public static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
