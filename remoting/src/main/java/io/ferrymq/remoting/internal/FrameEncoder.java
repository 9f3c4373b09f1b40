package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.FrameLayout;
import io.ferrymq.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Writes a {@link RemotingCommand} as one frame ({@link FrameLayout}) into a single pooled buffer
 * sized exactly for it. An encoding failure fails the write's promise. Stateless; shared by all
 * channels.
 */
@ChannelHandler.Sharable
public final class FrameEncoder extends ChannelOutboundHandlerAdapter {
    public static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {}

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof RemotingCommand command)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf frame;
        try {
            frame = encode(ctx, command);
        } catch (RuntimeException e) {
            promise.setFailure(e);
            return;
        }
        ctx.write(frame, promise);
    }

    private static ByteBuf encode(ChannelHandlerContext ctx, RemotingCommand command) {
        byte[] header = CommandCodec.encodeHeader(command);
        if (header.length > FrameLayout.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + header.length + " bytes does not fit 24 bits");
        }
        byte[] body = command.body();
        int frameLength = FrameLayout.HEADER_INFO_BYTES + header.length + body.length;
        ByteBuf frame = ctx.alloc().ioBuffer(FrameLayout.LENGTH_FIELD_BYTES + frameLength);
        frame.writeInt(frameLength);
        frame.writeInt(FrameLayout.headerInfo(command.serializeType(), header.length));
        frame.writeBytes(header);
        frame.writeBytes(body);
        return frame;
    }
}
