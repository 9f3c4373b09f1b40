package io.ferrymq.remoting.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.Timer;

/**
 * Builds the pipeline of every connection of one server or client: flush consolidation, idle
 * detection, frame decoder and encoder, the connection watcher and the dispatcher. Shared by all
 * channels of its endpoint; thread-safe.
 */
public final class PipelineInitializer extends ChannelInitializer<SocketChannel> {
    /** Flushes coalesced while a read is in progress, as Netty recommends for request/response. */
    private static final int FLUSHES_BEFORE_EXPLICIT_FLUSH = 256;

    private final ChannelGroup channels;
    private final HandlerTable handlers;
    private final ChannelListeners listeners;
    private final Timer timer;
    private final int maxFrameBytes;
    private final int idleTimeoutSeconds;
    private final boolean pauseReadsWhenUnwritable;

    /** @param channels every initialised channel joins it, so its endpoint can close them all */
    public PipelineInitializer(
            ChannelGroup channels,
            HandlerTable handlers,
            ChannelListeners listeners,
            Timer timer,
            int maxFrameBytes,
            int idleTimeoutSeconds,
            boolean pauseReadsWhenUnwritable) {
        this.channels = channels;
        this.handlers = handlers;
        this.listeners = listeners;
        this.timer = timer;
        this.maxFrameBytes = maxFrameBytes;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.pauseReadsWhenUnwritable = pauseReadsWhenUnwritable;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        NettyRemoteChannel remote = NettyRemoteChannel.attach(ch, timer);
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast("flush", new FlushConsolidationHandler(FLUSHES_BEFORE_EXPLICIT_FLUSH, true));
        if (idleTimeoutSeconds > 0) {
            pipeline.addLast("idle", new IdleStateHandler(0, 0, idleTimeoutSeconds));
        }
        pipeline.addLast("decoder", new FrameDecoder(maxFrameBytes));
        pipeline.addLast("encoder", FrameEncoder.INSTANCE);
        pipeline.addLast("watcher", new ConnectionWatcher(remote, listeners, pauseReadsWhenUnwritable));
        pipeline.addLast("dispatcher", new CommandDispatcher(remote, handlers));
    }
}
