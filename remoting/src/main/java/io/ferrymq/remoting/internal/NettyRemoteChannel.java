package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.SerializeType;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RemotingException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import io.netty.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RemoteChannel} of one Netty channel, stored in the channel's attribute so every
 * listener and handler sees the same object. It owns the connection's {@link ResponseTable}.
 *
 * <p>Back-pressure: a request or oneway offered while the channel is over its write-buffer high
 * water mark fails at once ({@code "channel not writable"}) instead of queueing without bound.
 * Responses are always written; their number is bounded by the requests read.
 *
 * <p>Thread-safe.
 */
public final class NettyRemoteChannel implements RemoteChannel {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemoteChannel.class);
    private static final AttributeKey<NettyRemoteChannel> KEY = AttributeKey.valueOf("ferrymq.remoteChannel");
    /** Request ids are JVM-wide, as in RocketMQ, so no two connections of a process share one. */
    private static final AtomicInteger OPAQUES = new AtomicInteger();

    private static final ChannelFutureListener LOG_FAILED_WRITE = NettyRemoteChannel::logFailedWrite;

    private final Channel channel;
    private final Timer timer;
    private final ResponseTable responses;
    private volatile String remoteAddress;

    private NettyRemoteChannel(Channel channel, Timer timer) {
        this.channel = channel;
        this.timer = timer;
        this.responses = new ResponseTable(this::remoteAddress);
    }

    /** Creates the remote channel of {@code channel} and stores it in the channel. */
    public static NettyRemoteChannel attach(Channel channel, Timer timer) {
        NettyRemoteChannel remote = new NettyRemoteChannel(channel, timer);
        channel.attr(KEY).set(remote);
        return remote;
    }

    /** The remote channel stored in {@code channel}, or null if none was attached. */
    public static NettyRemoteChannel of(Channel channel) {
        return channel.attr(KEY).get();
    }

    public ResponseTable responses() {
        return responses;
    }

    @Override
    public String remoteAddress() {
        String address = remoteAddress;
        if (address == null && channel.remoteAddress() != null) {
            // cached once connected: a closed channel may no longer know its peer
            address = PeerAddress.format(channel.remoteAddress());
            remoteAddress = address;
        }
        return address != null ? address : "unconnected";
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Also sets the response flag and a JSON header, so no response can pass for a request. */
    @Override
    public void writeResponse(RemotingCommand response) {
        response.flag(response.flag() | RemotingCommand.FLAG_RESPONSE).serializeType(SerializeType.JSON);
        channel.writeAndFlush(response).addListener(LOG_FAILED_WRITE);
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs) {
        int opaque = OPAQUES.getAndIncrement();
        request.opaque(opaque).flag(request.flag() & ~RemotingCommand.FLAG_RESPONSE);
        RemotingException refusal = refusal();
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        PendingCall call = responses.open(opaque, timeoutMs);
        try {
            call.arm(timer);
        } catch (IllegalStateException | RejectedExecutionException e) {
            // the endpoint closed (its timer stopped) between the check above and now
            responses.fail(call, new RemotingException("connection to " + remoteAddress() + " is closing", e));
            return call.future();
        }
        channel.writeAndFlush(request).addListener(call);
        return call.future();
    }

    @Override
    public void invokeOneway(RemotingCommand request) {
        request.opaque(OPAQUES.getAndIncrement())
                .flag((request.flag() & ~RemotingCommand.FLAG_RESPONSE) | RemotingCommand.FLAG_ONEWAY);
        if (channel.isWritable()) {
            channel.writeAndFlush(request).addListener(LOG_FAILED_WRITE);
        } else {
            LOG.debug("dropped a oneway {} to {}: channel not writable", request.code(), remoteAddress());
        }
    }

    /** Why a request cannot be sent now, or null when it can. */
    public RemotingException refusal() {
        if (!channel.isActive()) {
            return new RemotingException("connection to " + remoteAddress() + " is closed");
        }
        if (!channel.isWritable()) {
            return new RemotingException("channel not writable: " + remoteAddress());
        }
        return null;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "RemoteChannel[" + remoteAddress() + "]";
    }

    private static void logFailedWrite(ChannelFuture write) {
        if (!write.isSuccess()) {
            LOG.debug(
                    "write to {} failed: {}", PeerAddress.format(write.channel().remoteAddress()), write.cause());
        }
    }
}
