package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.RemotingCommand;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler: completes pending calls with responses and hands requests to their
 * handler's executor. It never runs a handler itself, so the I/O thread never blocks. Unknown codes
 * get {@code REQUEST_CODE_NOT_SUPPORTED}; a rejecting executor gets {@code SYSTEM_BUSY}.
 *
 * <p>One instance per channel, used by its event loop only.
 */
public final class CommandDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final NettyRemoteChannel channel;
    private final HandlerTable handlers;

    public CommandDispatcher(NettyRemoteChannel channel, HandlerTable handlers) {
        this.channel = channel;
        this.handlers = handlers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RemotingCommand command)) {
            ctx.fireChannelRead(msg);
        } else if (command.isResponse()) {
            complete(command);
        } else {
            dispatch(command);
        }
    }

    private void complete(RemotingCommand response) {
        if (!channel.responses().complete(response)) {
            LOG.debug("dropped a response from {} that matches no pending call: {}", channel.remoteAddress(), response);
        }
    }

    private void dispatch(RemotingCommand request) {
        HandlerBinding binding = handlers.lookup(request.code());
        if (binding == null) {
            Replies.notSupported(channel, request);
            return;
        }
        try {
            binding.executor().execute(new RequestTask(channel, request, binding.handler()));
        } catch (RejectedExecutionException e) {
            LOG.debug("executor rejected request {} from {}", request.code(), channel.remoteAddress());
            Replies.busy(channel, request);
        }
    }
}
