package io.ferrymq.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.RemotingCommand;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A channel over its high water mark: the server stops reading, new calls fail fast. */
class BackPressureTest {
    private final Timer timer = new HashedWheelTimer();

    @AfterEach
    void stopTimer() {
        timer.stop();
    }

    @Test
    void serverStopsReadingWhileUnwritableAndResumesAfterwards() {
        EmbeddedChannel channel = channel(true);

        channel.write(Unpooled.wrappedBuffer(new byte[64])); // queued, not flushed
        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();

        channel.flush();
        assertThat(channel.isWritable()).isTrue();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void clientKeepsReadingWhileUnwritable() {
        EmbeddedChannel channel = channel(false);

        channel.write(Unpooled.wrappedBuffer(new byte[64]));

        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void callOnAnUnwritableChannelFailsFast() {
        EmbeddedChannel channel = channel(false);
        NettyRemoteChannel remote = NettyRemoteChannel.of(channel);
        channel.write(Unpooled.wrappedBuffer(new byte[64]));

        CompletableFuture<RemotingCommand> call = remote.invoke(RemotingCommand.request(10), 1000);

        assertThat(call).isCompletedExceptionally();
        assertThat(call.handle((r, e) -> e.getMessage()).join()).startsWith("channel not writable");
        assertThat(remote.responses().size()).isZero();
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel channel(boolean pauseReads) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8, 16));
        NettyRemoteChannel remote = NettyRemoteChannel.attach(channel, timer);
        channel.pipeline().addLast(new ConnectionWatcher(remote, new ChannelListeners(), pauseReads));
        return channel;
    }
}
