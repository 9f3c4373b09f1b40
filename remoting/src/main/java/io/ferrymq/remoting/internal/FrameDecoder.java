package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.FrameDecodeException;
import io.ferrymq.protocol.FrameLayout;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Cuts the byte stream into frames ({@link FrameLayout}) and decodes each into a
 * {@link io.ferrymq.protocol.RemotingCommand}. The frame buffer is released before the command
 * leaves, so nothing downstream holds a {@link ByteBuf}.
 *
 * <p>A broken frame (bad length, too long, bad header) is reported once downstream as a
 * {@link FrameDecodeException}; every byte after it is discarded, since the stream can no longer be
 * trusted. One instance per channel; used by its event loop only.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    private final int maxFrameBytes;
    private boolean broken;

    /** @param maxFrameBytes the largest frame accepted, its length field included */
    public FrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes, 0, FrameLayout.LENGTH_FIELD_BYTES, 0, FrameLayout.LENGTH_FIELD_BYTES);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        String badLength = checkLength(in);
        if (badLength != null) {
            reject(ctx, in, badLength);
            return null;
        }
        try {
            ByteBuf frame = (ByteBuf) super.decode(ctx, in);
            return frame == null ? null : toCommand(frame);
        } catch (CorruptedFrameException | TooLongFrameException | FrameDecodeException e) {
            reject(ctx, in, e.getMessage());
        } catch (RuntimeException e) {
            // a codec bug on hostile input must not escape as a stack trace per frame
            reject(ctx, in, e.toString());
        }
        return null;
    }

    /**
     * Names a broken length field at the start of {@code in}, or returns null. Netty reads the field
     * unsigned; checking it here gives a negative length its own clear reason.
     */
    private String checkLength(ByteBuf in) {
        if (in.readableBytes() < FrameLayout.LENGTH_FIELD_BYTES) {
            return null;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 0) {
            return "negative frame length " + length;
        }
        if (length > maxFrameBytes - FrameLayout.LENGTH_FIELD_BYTES) {
            return "frame length " + length + " exceeds the limit of " + maxFrameBytes + " bytes";
        }
        return null;
    }

    private static Object toCommand(ByteBuf frame) {
        try {
            return CommandCodec.decode(frame.nioBuffer());
        } finally {
            frame.release();
        }
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        broken = true;
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(new FrameDecodeException(reason));
    }
}
