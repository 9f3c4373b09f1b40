package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void theCapturedExample() throws Exception {
        InetSocketAddress broker = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 20911);
        assertThat(MessageIds.offsetMessageId(broker, 266)).isEqualTo("7F000002000051AF000000000000010A");
        assertThat(MessageIds.offsetMessageId(new byte[] {127, 0, 0, 2}, 20911, 266))
                .isEqualTo("7F000002000051AF000000000000010A");
        OffsetMessageId decoded = MessageIds.decodeOffsetMessageId("7F000002000051AF000000000000010A");
        assertThat(decoded.storeHost()).isEqualTo(broker);
        assertThat(decoded.physicalOffset()).isEqualTo(266);
        // the send responses of the capture
        assertThat(MessageIds.decodeOffsetMessageId("7F000002000051AF0000000000001754")
                        .physicalOffset())
                .isEqualTo(5972);
        assertThat(MessageIds.decodeOffsetMessageId("7f000002000051af00000000000004c4")
                        .physicalOffset())
                .isEqualTo(0x4C4);
    }

    @Test
    void ipv6RoundTrip() throws Exception {
        InetSocketAddress broker = new InetSocketAddress(InetAddress.getByName("fd00::2"), 10911);
        String id = MessageIds.offsetMessageId(broker, Long.MAX_VALUE);
        assertThat(id).hasSize(56).isEqualTo("FD000000000000000000000000000002" + "00002A9F" + "7FFFFFFFFFFFFFFF");
        assertThat(MessageIds.decodeOffsetMessageId(id)).isEqualTo(new OffsetMessageId(broker, Long.MAX_VALUE));
    }

    @Test
    void refusesMalformedIds() {
        assertThatThrownBy(() -> MessageIds.decodeOffsetMessageId("7F000002000051AF000000000000010"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 or 56");
        assertThatThrownBy(() -> MessageIds.decodeOffsetMessageId("7F000002000051AF00000000000001XA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hex");
        assertThatThrownBy(() -> MessageIds.decodeOffsetMessageId("7F000002FFFFFFFF000000000000010A"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.offsetMessageId(new byte[5], 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
