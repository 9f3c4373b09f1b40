package io.ferrymq.nameserver.internal;

/**
 * Drops brokers silent past their timeout (120 s unless they asked otherwise). One
 * {@link #doWork()} is one scan; an {@link AgentRunner} calls it every
 * {@code scanNotActiveBrokerInterval}, tests call it after moving a manual clock. Thread-safe (the
 * registry is).
 */
public final class BrokerExpiryAgent implements Agent {
    private final RouteRegistry registry;

    public BrokerExpiryAgent(RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "namesrv-broker-expiry";
    }

    @Override
    public int doWork() {
        return registry.expire();
    }
}
