package io.ferrymq.remoting;

import io.ferrymq.remoting.internal.ChannelListeners;
import io.ferrymq.remoting.internal.HandlerBinding;
import io.ferrymq.remoting.internal.HandlerTable;
import io.ferrymq.remoting.internal.PendingCall;
import io.ferrymq.remoting.internal.PipelineInitializer;
import io.ferrymq.remoting.internal.TransportKind;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.Timer;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for remoting connections and dispatches each request to the {@link RequestHandler}
 * registered for its code, on that handler's executor. Handlers and listeners see each connection as
 * a {@link RemoteChannel}, through which the server can also send requests of its own to the client.
 *
 * <p>While a connection is over its write-buffer high water mark the server stops reading from it,
 * and resumes below the low water mark. Register handlers and listeners before {@link #start()}
 * (later registrations apply to the requests that follow). Thread-safe.
 */
public final class RemotingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemotingServer.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;

    private final ServerConfig config;
    private final HandlerTable handlers = new HandlerTable();
    private final ChannelListeners listeners = new ChannelListeners();
    private final ChannelGroup channels = new DefaultChannelGroup("ferrymq-server", GlobalEventExecutor.INSTANCE);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TransportKind transport;
    private volatile EventLoopGroup bossGroup;
    private volatile EventLoopGroup workerGroup;
    private volatile Timer timer;
    private volatile Channel serverChannel;

    public RemotingServer(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = TransportKind.choose(config.useEpoll());
    }

    /** Runs requests with {@code requestCode} through {@code handler} on {@code executor}. */
    public void registerHandler(int requestCode, RequestHandler handler, Executor executor) {
        handlers.register(requestCode, new HandlerBinding(handler, executor));
    }

    /** Handles every request code that has no handler of its own (instead of answering code 3). */
    public void setDefaultHandler(RequestHandler handler, Executor executor) {
        handlers.registerDefault(handler == null ? null : new HandlerBinding(handler, executor));
    }

    public void addChannelListener(ChannelListener listener) {
        listeners.add(listener);
    }

    /**
     * Binds the listening socket.
     *
     * @throws UncheckedIOException when the address cannot be bound, e.g. the port is taken
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("server already started or closed");
        }
        bossGroup = transport.newGroup(1, "ferrymq-server-accept");
        workerGroup = transport.newGroup(config.ioThreads(), "ferrymq-server-io");
        timer = PendingCall.newTimer("ferrymq-server-timer");
        ChannelFuture bind =
                bootstrap().bind(config.bindAddress(), config.listenPort()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            close();
            throw bindFailure(bind.cause());
        }
        serverChannel = bind.channel();
        LOG.info("listening on {}:{} ({})", config.bindAddress(), port(), transport);
    }

    private ServerBootstrap bootstrap() {
        WriteBufferWaterMark waterMark =
                new WriteBufferWaterMark(config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark());
        return new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .childHandler(new PipelineInitializer(
                        channels,
                        handlers,
                        listeners,
                        timer,
                        config.maxFrameBytes(),
                        config.idleTimeoutSeconds(),
                        true));
    }

    private RuntimeException bindFailure(Throwable cause) {
        String message = "cannot listen on " + config.bindAddress() + ":" + config.listenPort() + ": "
                + (cause == null ? "unknown error" : cause.getMessage());
        return cause instanceof IOException io
                ? new UncheckedIOException(message, io)
                : new IllegalStateException(message, cause);
    }

    /** The bound port: the configured one, or the one the OS picked for port 0. */
    public int port() {
        Channel bound = serverChannel;
        if (bound == null) {
            throw new IllegalStateException("server not started");
        }
        return ((InetSocketAddress) bound.localAddress()).getPort();
    }

    /** Stops accepting, closes every connection (failing their pending calls) and stops the threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Channel bound = serverChannel;
        String where = config.bindAddress() + ":" + (bound != null ? port() : config.listenPort());
        if (bound != null) {
            bound.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        shutdown(bossGroup);
        shutdown(workerGroup);
        if (timer != null) {
            timer.stop();
        }
        LOG.info("server on {} closed", where);
    }

    private static void shutdown(EventLoopGroup group) {
        if (group != null) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MS);
        }
    }
}
