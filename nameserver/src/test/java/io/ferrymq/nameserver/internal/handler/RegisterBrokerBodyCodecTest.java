package io.ferrymq.nameserver.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.RegisterBrokerBody;
import io.ferrymq.protocol.route.RegisterBrokerBodyCodec;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicConfigSerializeWrapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** Both forms of the REGISTER_BROKER body. */
class RegisterBrokerBodyCodecTest {

    @Test
    void capturedJsonBodyDecodesAndItsCrcMatchesTheCapturedHeader() {
        byte[] body = Capture.utf8(Capture.INCREMENT_BODY);

        RegisterBrokerBody decoded = RegisterBrokerBodyCodec.decode(body, false);

        assertThat(io.ferrymq.protocol.route.RegisterBrokerBodyCodec.bodyCrc32(body))
                .isEqualTo(Capture.INCREMENT_CRC32);
        TopicConfigSerializeWrapper wrapper = decoded.topicConfigSerializeWrapper();
        assertThat(wrapper.dataVersion()).isEqualTo(new DataVersion(0, 1795228128977L, 1));
        assertThat(wrapper.topicConfigTable())
                .containsExactly(Map.entry("TopicTest", TopicConfig.of("TopicTest", 4, 4, 6)));
        assertThat(decoded.filterServerList()).isEmpty();
    }

    @Test
    void compressedBodyWrittenByHandPerTheLayoutDecodes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(9)))) {
            chunk(out, "{\"counter\":7,\"stateVersion\":1,\"timestamp\":1795228102657}");
            out.writeInt(2);
            chunk(out, "TopicTest 4 4 6 SINGLE_TAG {}");
            chunk(out, "TBW102 8 8 7 MULTI_TAG {\"+delete.policy\":\"COMPACTION\"}");
            chunk(out, "[\"10.0.0.1:9999\"]");
            out.writeInt(0);
        }

        RegisterBrokerBody decoded = RegisterBrokerBodyCodec.decode(bytes.toByteArray(), true);

        TopicConfigSerializeWrapper wrapper = decoded.topicConfigSerializeWrapper();
        assertThat(wrapper.dataVersion()).isEqualTo(new DataVersion(1, 1795228102657L, 7));
        assertThat(wrapper.topicConfigTable().get("TopicTest")).isEqualTo(TopicConfig.of("TopicTest", 4, 4, 6));
        assertThat(wrapper.topicConfigTable().get("TBW102"))
                .isEqualTo(new TopicConfig(
                        "TBW102", 8, 8, 7, "MULTI_TAG", 0, false, Map.of("+delete.policy", "COMPACTION")));
        assertThat(decoded.filterServerList()).containsExactly("10.0.0.1:9999");
    }

    @Test
    void compressedBodyOfA4xBrokerWithoutTheMappingSectionDecodes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            chunk(out, "{\"counter\":1,\"timestamp\":5}");
            out.writeInt(1);
            chunk(out, "T 2 2 6 SINGLE_TAG");
            chunk(out, "[]");
        }

        RegisterBrokerBody decoded = RegisterBrokerBodyCodec.decode(bytes.toByteArray(), true);

        assertThat(decoded.topicConfigSerializeWrapper().topicConfigTable()).containsOnlyKeys("T");
    }

    @Test
    void compressedRoundTripKeepsWhatTheLayoutCarries() {
        RegisterBrokerBody body = Capture.fullBody(3);

        RegisterBrokerBody decoded = RegisterBrokerBodyCodec.decode(RegisterBrokerBodyCodec.encode(body, true), true);

        assertThat(decoded.topicConfigSerializeWrapper().dataVersion())
                .isEqualTo(body.topicConfigSerializeWrapper().dataVersion());
        assertThat(decoded.topicConfigSerializeWrapper().topicConfigTable())
                .isEqualTo(body.topicConfigSerializeWrapper().topicConfigTable());
        assertThat(decoded.filterServerList()).isEqualTo(List.of());
    }

    @Test
    void truncatedCompressedBodyIsRefusedWithAClearMessage() {
        byte[] whole = RegisterBrokerBodyCodec.encode(Capture.fullBody(1), true);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> RegisterBrokerBodyCodec.decode(cut, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed compressed register body");
    }

    private static void chunk(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
