package io.ferrymq.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.FrameDecodeException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private final List<Throwable> errors = new ArrayList<>();

    @Test
    void encoderWritesExactlyTheFrameOfTheCodec() {
        EmbeddedChannel channel = new EmbeddedChannel(FrameEncoder.INSTANCE);
        RemotingCommand command = RemotingCommand.request(310)
                .opaque(5)
                .putExtField("a", "b")
                .body("xyz".getBytes(StandardCharsets.UTF_8));

        channel.writeOutbound(command);
        ByteBuf written = channel.readOutbound();

        ByteBuffer expected = CommandCodec.encode(command);
        assertThat(written.nioBuffer()).isEqualTo(expected);
        assertThat(written.capacity()).isEqualTo(expected.remaining());
        written.release();
    }

    @Test
    void decoderReassemblesFramesFedOneByteAtATime() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1 << 20));
        byte[] bytes = concat(
                frame(RemotingCommand.request(10).opaque(1)),
                frame(RemotingCommand.request(11).opaque(2).serializeType(SerializeType.ROCKETMQ)));

        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        RemotingCommand first = channel.readInbound();
        RemotingCommand second = channel.readInbound();
        assertThat(first.code()).isEqualTo(10);
        assertThat(second.opaque()).isEqualTo(2);
        assertThat(second.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void brokenFrameIsReportedOnceAndTheRestIsDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1 << 20), new ErrorCollector());
        byte[] garbage =
                ByteBuffer.allocate(12).putInt(8).putInt(0x05_000004).putInt(0).array();

        channel.writeInbound(Unpooled.wrappedBuffer(garbage));
        channel.writeInbound(Unpooled.wrappedBuffer(frame(RemotingCommand.request(10))));
        channel.writeInbound(Unpooled.wrappedBuffer(garbage));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).isInstanceOf(FrameDecodeException.class).hasMessageContaining("serialize type 5");
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void negativeAndOversizedLengthsHaveTheirOwnReasons() {
        assertThat(rejectionOf(ByteBuffer.allocate(4).putInt(-1).array())).contains("negative frame length -1");
        assertThat(rejectionOf(ByteBuffer.allocate(4).putInt(2000).array()))
                .contains("frame length 2000 exceeds the limit of 1024 bytes");
    }

    private String rejectionOf(byte[] bytes) {
        errors.clear();
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1024), new ErrorCollector());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        assertThat(errors).hasSize(1);
        assertThat(channel.isOpen()).isTrue(); // closing is the ConnectionWatcher's job
        return errors.get(0).getMessage();
    }

    private static byte[] frame(RemotingCommand command) {
        ByteBuffer frame = CommandCodec.encode(command);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    private final class ErrorCollector extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
        }
    }
}
