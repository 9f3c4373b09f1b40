package io.ferrymq.client.internal;

/**
 * One step of a background duty (heartbeat, route refresh, rebalance, offset commit, lock renewal),
 * run by an {@link AgentRunner} at a fixed delay and callable directly from tests. Implementations say
 * their own thread-safety; the runner never calls one agent concurrently with itself.
 */
public interface Agent {
    /** Does one round of work. A thrown exception is logged and counted by the runner, then the next round runs. */
    void doWork() throws Exception;

    /** A short name for logs and thread names. */
    String roleName();
}
