package io.ferrymq.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.InvalidHeaderException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullHeaderCodecTest {
    /** wire-protocol.md Appendix A: a 5.3.1 push consumer's first pull. */
    static Map<String, String> capturedPull() {
        Map<String, String> fields = new HashMap<>();
        fields.put("queueId", "0");
        fields.put("maxMsgBytes", "262144");
        fields.put("maxMsgNums", "32");
        fields.put("sysFlag", "2");
        fields.put("suspendTimeoutMillis", "15000");
        fields.put("commitOffset", "0");
        fields.put("bname", "broker-a");
        fields.put("topic", "TopicTest");
        fields.put("queueOffset", "0");
        fields.put("expressionType", "TAG");
        fields.put("subVersion", "1795228138927");
        fields.put("consumerGroup", "cg1");
        return fields;
    }

    @Test
    void decodesAndReEncodesTheCapturedPull() {
        PullMessageRequestHeader header = PullHeaderCodec.INSTANCE.decode(capturedPull());
        assertThat(header)
                .isEqualTo(new PullMessageRequestHeader(
                        "cg1",
                        "TopicTest",
                        0,
                        0L,
                        32,
                        2,
                        0L,
                        15000L,
                        null,
                        1795228138927L,
                        "TAG",
                        262144,
                        null,
                        null,
                        "broker-a"));
        assertThat(header.hasFlag(PullMessageRequestHeader.FLAG_SUSPEND)).isTrue();
        assertThat(header.hasFlag(PullMessageRequestHeader.FLAG_COMMIT_OFFSET)).isFalse();

        Map<String, String> encoded = new HashMap<>();
        PullHeaderCodec.INSTANCE.encodeInto(header, encoded);
        assertThat(encoded).isEqualTo(capturedPull());
    }

    @Test
    void the498PullHasNoMaxMsgBytes() {
        Map<String, String> fields = capturedPull();
        fields.remove("maxMsgBytes");
        fields.put("subscription", "TagA || TagB");
        fields.put("sysFlag", "7");
        PullMessageRequestHeader header = PullHeaderCodec.INSTANCE.decode(fields);
        assertThat(header.maxMsgBytes()).isNull();
        assertThat(header.subscription()).isEqualTo("TagA || TagB");
        assertThat(header.hasFlag(PullMessageRequestHeader.FLAG_SUBSCRIPTION)).isTrue();
    }

    @Test
    void everyRequiredKeyIsEnforced() {
        for (String key : new String[] {
            "consumerGroup",
            "topic",
            "queueId",
            "queueOffset",
            "maxMsgNums",
            "sysFlag",
            "commitOffset",
            "suspendTimeoutMillis",
            "subVersion"
        }) {
            Map<String, String> fields = capturedPull();
            fields.remove(key);
            assertThatThrownBy(() -> PullHeaderCodec.INSTANCE.decode(fields))
                    .isInstanceOf(InvalidHeaderException.class)
                    .hasMessage("missing header field '" + key + "' (PullMessageRequestHeader)");
        }
    }

    @Test
    void malformedOffsetIsNamed() {
        Map<String, String> fields = capturedPull();
        fields.put("queueOffset", "4x");
        assertThatThrownBy(() -> PullHeaderCodec.INSTANCE.decode(fields))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'queueOffset'")
                .hasMessageContaining("4x");
    }
}
