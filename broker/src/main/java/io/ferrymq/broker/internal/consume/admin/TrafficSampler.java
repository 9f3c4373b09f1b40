package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.commitlog.agent.Agent;

/**
 * Samples {@link TrafficStats} on each step; its runner idles a second between steps.
 *
 * <p>Not thread-safe: one runner steps it.
 */
public final class TrafficSampler implements Agent {
    private final TrafficStats stats;

    public TrafficSampler(TrafficStats stats) {
        this.stats = stats;
    }

    @Override
    public int doWork() {
        stats.sample();
        return 0;
    }

    @Override
    public String roleName() {
        return "ferrymq-traffic-stats";
    }
}
