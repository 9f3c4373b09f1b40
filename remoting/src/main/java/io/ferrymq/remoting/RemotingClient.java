package io.ferrymq.remoting;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.remoting.internal.ChannelListeners;
import io.ferrymq.remoting.internal.ConnectionPool;
import io.ferrymq.remoting.internal.HandlerBinding;
import io.ferrymq.remoting.internal.HandlerTable;
import io.ferrymq.remoting.internal.NettyRemoteChannel;
import io.ferrymq.remoting.internal.PendingCall;
import io.ferrymq.remoting.internal.PipelineInitializer;
import io.ferrymq.remoting.internal.TransportKind;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.Timer;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends requests to remoting servers by {@code host:port}, over one cached connection per address
 * that is opened on first use and opened again after it closes. Servers may send requests back on
 * that connection; they go to the handlers registered here.
 *
 * <p>Back-pressure: a call offered while its connection is over the write-buffer high water mark
 * (4 MiB queued) fails at once with a {@link RemotingException} {@code "channel not writable"}
 * rather than queueing without bound; callers back off and retry. The client keeps reading while its
 * writes are blocked, so two endpoints can never stall each other.
 *
 * <p>Async results complete on an I/O thread (responses) or the timer thread (timeouts): continue
 * with the {@code ...Async} methods of {@link CompletableFuture} for anything slow. Thread-safe.
 */
public final class RemotingClient implements AutoCloseable {
    private static final int WRITE_LOW_WATER_MARK = 1024 * 1024;
    private static final int WRITE_HIGH_WATER_MARK = 4 * 1024 * 1024;
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;

    private final ClientConfig config;
    private final HandlerTable handlers = new HandlerTable();
    private final ChannelListeners listeners = new ChannelListeners();
    private final ChannelGroup channels = new DefaultChannelGroup("ferrymq-client", GlobalEventExecutor.INSTANCE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EventLoopGroup group;
    private final Timer timer;
    private final ConnectionPool pool;

    public RemotingClient(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        TransportKind transport = TransportKind.choose(config.useEpoll());
        this.group = transport.newGroup(config.ioThreads(), "ferrymq-client-io");
        this.timer = PendingCall.newTimer("ferrymq-client-timer");
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMs())
                .option(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(WRITE_LOW_WATER_MARK, WRITE_HIGH_WATER_MARK))
                .handler(new PipelineInitializer(
                        channels,
                        handlers,
                        listeners,
                        timer,
                        config.maxFrameBytes(),
                        config.idleTimeoutSeconds(),
                        false));
        this.pool = new ConnectionPool(bootstrap);
    }

    /** Runs requests the server sends with {@code requestCode} through {@code handler} on {@code executor}. */
    public void registerHandler(int requestCode, RequestHandler handler, Executor executor) {
        handlers.register(requestCode, new HandlerBinding(handler, executor));
    }

    public void addChannelListener(ChannelListener listener) {
        listeners.add(listener);
    }

    /**
     * Sends {@code request} and waits for its response. The timeout covers connecting too.
     *
     * @throws RemotingTimeoutException when no response came within {@code timeoutMs}
     * @throws RemotingException when the connection could not be made, failed or is not writable
     */
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMs)
            throws RemotingException, InterruptedException {
        long startNs = System.nanoTime();
        NettyRemoteChannel channel = connected(addr, timeoutMs);
        long remainingMs = timeoutMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        if (remainingMs <= 0) {
            throw new RemotingTimeoutException("connecting to " + addr + " used up the " + timeoutMs + " ms timeout");
        }
        try {
            return channel.invoke(request, remainingMs).get();
        } catch (ExecutionException e) {
            throw asRemotingException(e.getCause());
        }
    }

    /**
     * Sends {@code request}; the future completes with the response, or exceptionally with a
     * {@link RemotingTimeoutException} or {@link RemotingException}. Never blocks on the network.
     */
    public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMs) {
        ChannelFuture connection;
        try {
            connection = pool.acquire(addr);
        } catch (RemotingException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (connection.isDone()) {
            return invokeOn(connection, addr, request, timeoutMs);
        }
        CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
        connection.addListener(done -> invokeOn(connection, addr, request, timeoutMs)
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(response);
                    }
                }));
        return result;
    }

    /**
     * Sends {@code request} marked oneway; returns once it is queued for writing.
     *
     * @throws RemotingException when the connection could not be made or is not writable, or the
     *     thread was interrupted while connecting (its interrupt flag is then set again)
     */
    public void invokeOneway(String addr, RemotingCommand request) throws RemotingException {
        NettyRemoteChannel channel;
        try {
            channel = connected(addr, config.connectTimeoutMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotingException("interrupted while connecting to " + addr, e);
        }
        RemotingException refusal = channel.refusal();
        if (refusal != null) {
            throw refusal;
        }
        channel.invokeOneway(request);
    }

    /** Closes the cached connection to {@code addr}; the next call opens a new one. */
    public void closeChannel(String addr) {
        pool.close(addr);
    }

    /** Closes every connection (failing their pending calls) and stops the threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.closeAll();
        channels.close().awaitUninterruptibly();
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MS);
        timer.stop();
    }

    private NettyRemoteChannel connected(String addr, long waitMs) throws RemotingException, InterruptedException {
        ChannelFuture connection = pool.acquire(addr);
        if (!connection.await(Math.min(waitMs, config.connectTimeoutMs()))) {
            throw new RemotingTimeoutException("connecting to " + addr + " timed out");
        }
        if (!connection.isSuccess()) {
            throw connectFailure(addr, connection.cause());
        }
        return NettyRemoteChannel.of(connection.channel());
    }

    private static CompletableFuture<RemotingCommand> invokeOn(
            ChannelFuture connection, String addr, RemotingCommand request, long timeoutMs) {
        if (!connection.isSuccess()) {
            return CompletableFuture.failedFuture(connectFailure(addr, connection.cause()));
        }
        return NettyRemoteChannel.of(connection.channel()).invoke(request, timeoutMs);
    }

    private static RemotingException connectFailure(String addr, Throwable cause) {
        String reason = cause == null ? "cancelled" : cause.getMessage();
        return new RemotingException("cannot connect to " + addr + ": " + reason, cause);
    }

    private static RemotingException asRemotingException(Throwable cause) {
        return cause instanceof RemotingException remoting
                ? remoting
                : new RemotingException(String.valueOf(cause), cause);
    }
}
