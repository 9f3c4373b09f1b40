package io.ferrymq.remoting.internal;

import io.ferrymq.remoting.RemotingException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's connections, one per {@code host:port}, opened on first use and opened again once the
 * cached one has closed. A closed channel leaves the pool by itself.
 *
 * <p>Thread-safe: lookups are lock-free; opening a connection takes a lock so that racing callers
 * share one attempt.
 */
public final class ConnectionPool {
    private final Bootstrap bootstrap;
    private final ConcurrentHashMap<String, ChannelFuture> connections = new ConcurrentHashMap<>();
    private final Object connectLock = new Object();
    private volatile boolean closed;

    public ConnectionPool(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * The connection to {@code addr}: done when the connection is up or has failed.
     *
     * @throws RemotingException when the pool is closed or {@code addr} is not {@code host:port}
     */
    public ChannelFuture acquire(String addr) throws RemotingException {
        ChannelFuture cached = connections.get(addr);
        if (cached != null && usable(cached)) {
            return cached;
        }
        synchronized (connectLock) {
            if (closed) {
                throw new RemotingException("client is closed");
            }
            cached = connections.get(addr);
            if (cached != null && usable(cached)) {
                return cached;
            }
            ChannelFuture connecting = connect(addr);
            connections.put(addr, connecting);
            connecting.channel().closeFuture().addListener(f -> connections.remove(addr, connecting));
            return connecting;
        }
    }

    /** Closes and forgets the connection to {@code addr}, if there is one. */
    public void close(String addr) {
        ChannelFuture cached = connections.remove(addr);
        if (cached != null) {
            cached.channel().close();
        }
    }

    /** Closes every connection and refuses new ones; waits until the closes are done. */
    public void closeAll() {
        synchronized (connectLock) {
            closed = true;
        }
        for (String addr : connections.keySet()) {
            ChannelFuture cached = connections.remove(addr);
            if (cached != null) {
                cached.channel().close().awaitUninterruptibly();
            }
        }
    }

    private ChannelFuture connect(String addr) throws RemotingException {
        try {
            return bootstrap.connect(PeerAddress.parse(addr));
        } catch (IllegalArgumentException e) {
            throw new RemotingException(e.getMessage(), e);
        }
    }

    private static boolean usable(ChannelFuture connection) {
        return !connection.isDone()
                || (connection.isSuccess() && connection.channel().isActive());
    }
}
