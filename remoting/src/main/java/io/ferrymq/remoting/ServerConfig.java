package io.ferrymq.remoting;

/**
 * Settings of a {@link RemotingServer}. Immutable.
 *
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param listenPort the port; 0 picks a free one (see {@link RemotingServer#port()})
 * @param ioThreads Netty event-loop threads
 * @param maxFrameBytes frames longer than this close the connection
 * @param idleTimeoutSeconds a connection with no traffic for this long is closed; 0 disables
 * @param useEpoll use native epoll when the platform offers it
 * @param writeBufferLowWaterMark bytes below which a blocked channel becomes writable again
 * @param writeBufferHighWaterMark bytes queued for a channel above which it stops reading new requests
 */
public record ServerConfig(
        String bindAddress,
        int listenPort,
        int ioThreads,
        int maxFrameBytes,
        int idleTimeoutSeconds,
        boolean useEpoll,
        int writeBufferLowWaterMark,
        int writeBufferHighWaterMark) {

    public ServerConfig {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort must be 0..65535, was " + listenPort);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
        }
        if (writeBufferLowWaterMark > writeBufferHighWaterMark) {
            throw new IllegalArgumentException("writeBufferLowWaterMark exceeds writeBufferHighWaterMark");
        }
    }

    /** Listens on {@code bindAddress:listenPort} with RocketMQ's defaults for the rest. */
    public static ServerConfig of(String bindAddress, int listenPort) {
        return new ServerConfig(
                bindAddress,
                listenPort,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                io.ferrymq.protocol.FrameLayout.MAX_FRAME_BYTES,
                120,
                true,
                1024 * 1024,
                4 * 1024 * 1024);
    }

    public ServerConfig withIdleTimeoutSeconds(int seconds) {
        return new ServerConfig(
                bindAddress,
                listenPort,
                ioThreads,
                maxFrameBytes,
                seconds,
                useEpoll,
                writeBufferLowWaterMark,
                writeBufferHighWaterMark);
    }

    public ServerConfig withMaxFrameBytes(int bytes) {
        return new ServerConfig(
                bindAddress,
                listenPort,
                ioThreads,
                bytes,
                idleTimeoutSeconds,
                useEpoll,
                writeBufferLowWaterMark,
                writeBufferHighWaterMark);
    }
}
