package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.FrameDecodeException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one connection's life: tells the listeners about connect, idle, errors and close, closes
 * idle and broken connections, fails the pending calls of a closed one, and (on a server) stops
 * reading from a peer while the channel is over its write-buffer high water mark.
 *
 * <p>A broken frame is logged as exactly one WARN line naming the peer and the reason. One instance
 * per channel, used by its event loop only.
 */
public final class ConnectionWatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatcher.class);

    private static final int MAX_REASON_CHARS = 200;

    private final NettyRemoteChannel channel;
    private final ChannelListeners listeners;
    private final boolean pauseReadsWhenUnwritable;

    public ConnectionWatcher(NettyRemoteChannel channel, ChannelListeners listeners, boolean pauseReadsWhenUnwritable) {
        this.channel = channel;
        this.listeners = listeners;
        this.pauseReadsWhenUnwritable = pauseReadsWhenUnwritable;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.debug("connection with {} open", channel.remoteAddress());
        listeners.onConnected(channel);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("connection with {} closed", channel.remoteAddress());
        channel.responses().failAll("connection to " + channel.remoteAddress() + " closed");
        listeners.onClosed(channel);
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.info("closing idle connection with {}", channel.remoteAddress());
            listeners.onIdle(channel);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof FrameDecodeException) {
            LOG.warn("closing connection with {}: {}", channel.remoteAddress(), printable(cause.getMessage()));
        } else if (cause instanceof IOException) {
            LOG.debug("closing connection with {}: {}", channel.remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing connection with {} after an unexpected error", channel.remoteAddress(), cause);
        }
        listeners.onException(channel, cause);
        ctx.close();
    }

    /** The reason cut short and stripped of control characters: it may quote hostile bytes. */
    static String printable(String reason) {
        String text = String.valueOf(reason);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON_CHARS + 3));
        for (int i = 0; i < text.length() && i < MAX_REASON_CHARS; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\uFFFD' ? '?' : c);
        }
        return text.length() > MAX_REASON_CHARS ? out.append("...").toString() : out.toString();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (pauseReadsWhenUnwritable) {
            boolean writable = ctx.channel().isWritable();
            ctx.channel().config().setAutoRead(writable);
            LOG.debug("{} reading from {}", writable ? "resumed" : "paused", channel.remoteAddress());
        }
        ctx.fireChannelWritabilityChanged();
    }
}
