package io.ferrymq.remoting;

/**
 * Settings of a {@link RemotingClient}. Immutable.
 *
 * @param ioThreads Netty event-loop threads
 * @param connectTimeoutMs how long a connection attempt may take
 * @param maxFrameBytes frames longer than this close the connection
 * @param idleTimeoutSeconds a connection with no traffic for this long is closed; 0 disables
 * @param useEpoll use native epoll when the platform offers it
 */
public record ClientConfig(
        int ioThreads, int connectTimeoutMs, int maxFrameBytes, int idleTimeoutSeconds, boolean useEpoll) {

    public ClientConfig {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        if (connectTimeoutMs < 1) {
            throw new IllegalArgumentException("connectTimeoutMs must be positive, was " + connectTimeoutMs);
        }
    }

    /** RocketMQ's client defaults: 3 s connect timeout, 16 MiB frames, 120 s idle. */
    public static ClientConfig defaults() {
        return new ClientConfig(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                3000,
                io.ferrymq.protocol.FrameLayout.MAX_FRAME_BYTES,
                120,
                true);
    }
}
