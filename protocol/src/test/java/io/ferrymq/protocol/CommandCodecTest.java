package io.ferrymq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

    @Test
    void jsonFrameRoundTripsEveryHeaderField() {
        RemotingCommand request = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .opaque(42)
                .remark("ünïcode remark \u0001")
                .putExtField("a", "pg1")
                .putExtField("i", "KEYS\u0001K\u0002")
                .body("hello".getBytes(StandardCharsets.UTF_8));
        request.markOneway();

        ByteBuffer frame = CommandCodec.encode(request);
        assertThat(frame.getInt()).isEqualTo(frame.remaining());
        RemotingCommand decoded = CommandCodec.decode(frame);

        assertThat(decoded.code()).isEqualTo(310);
        assertThat(decoded.opaque()).isEqualTo(42);
        assertThat(decoded.isOneway()).isTrue();
        assertThat(decoded.isResponse()).isFalse();
        assertThat(decoded.remark()).isEqualTo("ünïcode remark \u0001");
        assertThat(decoded.extFields()).isEqualTo(Map.of("a", "pg1", "i", "KEYS\u0001K\u0002"));
        assertThat(decoded.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(decoded.version()).isEqualTo(RemotingVersion.CURRENT);
        assertThat(new String(decoded.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void binaryHeaderMatchesTheDocumentedExampleByteForByte() {
        // wire-protocol.md §1.6: GET_ROUTEINFO_BY_TOPIC, topic=T, JAVA, version 475, opaque 9
        String expected = "00000025" + "01000021" + "0069" + "00" + "01db" + "00000009" + "00000000" + "00000000"
                + "0000000c" + "0005" + "746f706963" + "00000001" + "54";
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .serializeType(SerializeType.ROCKETMQ)
                .version(475)
                .opaque(9)
                .putExtField("topic", "T");

        ByteBuffer frame = CommandCodec.encode(request);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);

        RemotingCommand decoded = CommandCodec.decode(ByteBuffer.wrap(bytes, 4, bytes.length - 4));
        assertThat(decoded.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(decoded.code()).isEqualTo(105);
        assertThat(decoded.version()).isEqualTo(475);
        assertThat(decoded.opaque()).isEqualTo(9);
        assertThat(decoded.remark()).isNull();
        assertThat(decoded.extFields()).isEqualTo(Map.of("topic", "T"));
        assertThat(decoded.body()).isEmpty();
    }

    @Test
    void jsonHeaderAcceptsMissingOptionalFieldsUnknownKeysAndNonStringValues() {
        String header = "{\"code\":34,\"flag\":0,\"language\":\"KOTLIN\",\"opaque\":7,\"version\":409,"
                + "\"extra\":{\"nested\":[1,2]},\"extFields\":{\"n\":5,\"b\":true,\"s\":\"x\"}}";
        RemotingCommand decoded = decodeJsonHeader(header);
        assertThat(decoded.code()).isEqualTo(34);
        assertThat(decoded.language()).isEqualTo(LanguageCode.OTHER);
        assertThat(decoded.remark()).isNull();
        assertThat(decoded.extFields())
                .containsEntry("n", "5")
                .containsEntry("b", "true")
                .containsEntry("s", "x");
    }

    @Test
    void headerLengthPastTheFrameEndIsRejected() {
        ByteBuffer frame =
                ByteBuffer.allocate(12).putInt(100).putInt(0).putInt(0).flip();
        assertThatThrownBy(() -> CommandCodec.decode(frame))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void undecodableJsonIsRejected() {
        assertThatThrownBy(() -> decodeJsonHeader("{\"code\":")).isInstanceOf(FrameDecodeException.class);
        assertThatThrownBy(() -> decodeJsonHeader("[1,2]")).isInstanceOf(FrameDecodeException.class);
        assertThatThrownBy(() -> decodeJsonHeader("{\"code\":\"abc\"}")).isInstanceOf(FrameDecodeException.class);
    }

    @Test
    void unknownSerializeTypeIsRejected() {
        ByteBuffer frame = ByteBuffer.allocate(4).putInt(FrameLayout.headerInfo(SerializeType.JSON, 0) | (7 << 24));
        assertThatThrownBy(() -> CommandCodec.decode(frame.flip())).isInstanceOf(FrameDecodeException.class);
    }

    private static RemotingCommand decodeJsonHeader(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(4 + bytes.length);
        frame.putInt(FrameLayout.headerInfo(SerializeType.JSON, bytes.length))
                .put(bytes)
                .flip();
        return CommandCodec.decode(frame);
    }
}
