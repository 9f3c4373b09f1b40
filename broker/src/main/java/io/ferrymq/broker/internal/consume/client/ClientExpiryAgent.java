package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.commitlog.agent.Agent;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops clients silent for {@link #CHANNEL_EXPIRED_MS} (Apache: 120 s, scanned every 10 s) and closes
 * their channels; their groups are notified by the registry. Stepped by an {@code AgentRunner} in
 * production and by hand, with a manual clock, in tests.
 *
 * <p>Not thread-safe: one runner steps it.
 */
public final class ClientExpiryAgent implements Agent {
    public static final long CHANNEL_EXPIRED_MS = 120_000;
    public static final long SCAN_INTERVAL_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClientExpiryAgent.class);

    private final ClientRegistry registry;
    private final Clock clock;
    private long nextScanMs;

    public ClientExpiryAgent(ClientRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.nextScanMs = clock.millis() + SCAN_INTERVAL_MS;
    }

    @Override
    public int doWork() {
        long now = clock.millis();
        if (now < nextScanMs) {
            return 0;
        }
        nextScanMs = now + SCAN_INTERVAL_MS;
        List<ClientConnection> expired = registry.expire(now - CHANNEL_EXPIRED_MS);
        for (ClientConnection connection : expired) {
            LOG.info(
                    "client {} at {} silent for {} ms: dropped",
                    connection.clientId(),
                    connection.channel().remoteAddress(),
                    now - connection.lastUpdateMs());
            connection.channel().close();
        }
        return expired.size();
    }

    @Override
    public String roleName() {
        return "ferrymq-client-expiry";
    }
}
