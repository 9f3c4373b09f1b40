package io.ferrymq.broker.internal.register;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.commitlog.agent.Agent;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.remoting.RemotingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the broker with every nameserver: at the first step, every {@code periodMs}, and at the
 * next step after {@link #requestNow()} (a topic change). Each round sends the full topic table to all
 * nameservers in parallel over the client's cached connections (kept open: a nameserver drops a
 * broker whose connection closes). A nameserver that cannot be reached is retried next round and
 * logged once per outage. {@link #unregisterAll} says goodbye at shutdown.
 *
 * <p>Thread-safe: {@link #doWork()} runs on one runner thread; {@link #requestNow()} from any.
 */
public final class NameServerRegistrar implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(NameServerRegistrar.class);

    private final List<String> nameServers;
    private final RegistrationRequests requests;
    private final RemotingClient client;
    private final Clock clock;
    private final long periodMs;
    private final long timeoutMs;
    private final AtomicBoolean requested = new AtomicBoolean(true);
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private long nextDueMs;

    public NameServerRegistrar(
            List<String> nameServers,
            BrokerIdentity identity,
            TopicConfigTable topics,
            RemotingClient client,
            Clock clock,
            long periodMs,
            long timeoutMs) {
        this.nameServers = List.copyOf(nameServers);
        this.requests = new RegistrationRequests(identity, topics);
        this.client = client;
        this.clock = clock;
        this.periodMs = periodMs;
        this.timeoutMs = timeoutMs;
    }

    /** Registers at the next step (the runner should be woken after this). */
    public void requestNow() {
        requested.set(true);
    }

    @Override
    public int doWork() {
        long now = clock.millis();
        if (!requested.getAndSet(false) && now < nextDueMs) {
            return 0;
        }
        nextDueMs = now + periodMs;
        registerAll();
        return 1;
    }

    @Override
    public String roleName() {
        return "broker-registrar";
    }

    /** Sends one registration to every nameserver and waits (up to the timeout) for the answers. */
    public void registerAll() {
        List<CompletableFuture<Void>> calls = new ArrayList<>(nameServers.size());
        for (String addr : nameServers) {
            calls.add(client.invokeAsync(addr, requests.register(), timeoutMs)
                    .handle((response, failure) -> outcome(addr, response, failure)));
        }
        await(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)));
    }

    private Void outcome(String addr, RemotingCommand response, Throwable failure) {
        if (failure == null && response.code() == ResponseCode.SUCCESS) {
            if (unreachable.remove(addr)) {
                LOG.info("registered with nameserver {} again", addr);
            } else {
                LOG.debug("registered with nameserver {}", addr);
            }
            return null;
        }
        String reason = failure != null
                ? String.valueOf(failure.getMessage())
                : "code " + ResponseCode.nameOf(response.code()) + ": " + response.remark();
        if (unreachable.add(addr)) {
            LOG.warn("cannot register with nameserver {} ({}); retrying every period", addr, reason);
        }
        return null;
    }

    /** Sends UNREGISTER_BROKER to every nameserver, waiting briefly for each. */
    public void unregisterAll() {
        for (String addr : nameServers) {
            try {
                RemotingCommand response = client.invokeSync(addr, requests.unregister(), Math.min(timeoutMs, 3000));
                LOG.info("unregistered from nameserver {}: {}", addr, ResponseCode.nameOf(response.code()));
            } catch (RemotingException e) {
                LOG.warn("cannot unregister from nameserver {}: {}", addr, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void await(CompletableFuture<Void> all) {
        try {
            all.get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("registration round ended early: {}", e.toString());
        }
    }
}
