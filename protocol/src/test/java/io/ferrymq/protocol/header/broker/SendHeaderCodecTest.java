package io.ferrymq.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.InvalidHeaderException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendHeaderCodecTest {
    private static final String PROPERTIES =
            "KEYS\u0001KEY-A\u0002UNIQ_KEY\u0001FD000000000000000000000000000002077A30946E0967876E9F0000"
                    + "\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002";

    /** wire-protocol.md §4.3, the captured V2 header of the first send. */
    static Map<String, String> capturedV2() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "pg1");
        fields.put("b", "TopicTest");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", "0");
        fields.put("f", "0");
        fields.put("g", "1795228128928");
        fields.put("h", "0");
        fields.put("i", PROPERTIES);
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", "broker-a");
        return fields;
    }

    static SendMessageRequestHeader capturedHeader() {
        return new SendMessageRequestHeader(
                "pg1",
                "TopicTest",
                "TBW102",
                4,
                0,
                0,
                1795228128928L,
                0,
                PROPERTIES,
                0,
                false,
                null,
                false,
                "broker-a");
    }

    @Test
    void decodesTheCapturedV2Header() {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2).extFields(capturedV2());
        SendMessageRequestHeader header = SendHeaderCodec.decode(request);
        assertThat(header).isEqualTo(capturedHeader());
        assertThat(header.isBatch()).isFalse();
    }

    @Test
    void reEncodesTheCapturedV2HeaderExactly() {
        Map<String, String> fields = new HashMap<>();
        SendHeaderCodec.encodeV2(capturedHeader(), fields);
        assertThat(fields).isEqualTo(capturedV2());
    }

    @Test
    void batchUsesTheV2Keys() {
        Map<String, String> fields = capturedV2();
        fields.put("m", "true");
        RemotingCommand request =
                RemotingCommand.request(RequestCode.SEND_BATCH_MESSAGE).extFields(fields);
        assertThat(SendHeaderCodec.decode(request).isBatch()).isTrue();
    }

    @Test
    void v1LongNamesDecodeToTheSameRecordAndRoundTrip() {
        Map<String, String> v1 = new HashMap<>();
        SendHeaderCodec.encodeV1(capturedHeader(), v1);
        assertThat(v1)
                .containsEntry("producerGroup", "pg1")
                .containsEntry("topic", "TopicTest")
                .containsEntry("defaultTopicQueueNums", "4")
                .containsEntry("bornTimestamp", "1795228128928")
                .containsEntry("bname", "broker-a")
                .doesNotContainKeys("a", "b", "n", "maxReconsumeTimes");
        RemotingCommand request =
                RemotingCommand.request(RequestCode.SEND_MESSAGE).extFields(v1);
        assertThat(SendHeaderCodec.decode(request)).isEqualTo(capturedHeader());
    }

    @Test
    void codeSelectsTheForm() {
        assertThat(SendHeaderCodec.forCode(RequestCode.SEND_MESSAGE)).isSameAs(SendHeaderCodec.V1);
        assertThat(SendHeaderCodec.forCode(RequestCode.SEND_MESSAGE_V2)).isSameAs(SendHeaderCodec.V2);
        assertThat(SendHeaderCodec.forCode(RequestCode.SEND_BATCH_MESSAGE)).isSameAs(SendHeaderCodec.V2);
        assertThat(SendHeaderCodec.V2.keys()).hasSize(14).contains("a", "n");
        assertThat(SendHeaderCodec.V1.keys()).contains("producerGroup", "bname");
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        Map<String, String> fields = capturedV2();
        fields.keySet().removeAll(List.of("i", "j", "k", "l", "m", "n"));
        SendMessageRequestHeader header = SendHeaderCodec.V2.decode(fields);
        assertThat(header.properties()).isNull();
        assertThat(header.reconsumeTimes()).isNull();
        assertThat(header.unitMode()).isNull();
        assertThat(header.batch()).isNull();
        assertThat(header.bname()).isNull();
        Map<String, String> encoded = new HashMap<>();
        SendHeaderCodec.encodeV2(header, encoded);
        assertThat(encoded).isEqualTo(fields);
    }

    @Test
    void retrySendCarriesReconsumeLimits() {
        Map<String, String> fields = capturedV2();
        fields.put("j", "3");
        fields.put("l", "16");
        SendMessageRequestHeader header = SendHeaderCodec.V2.decode(fields);
        assertThat(header.reconsumeTimes()).isEqualTo(3);
        assertThat(header.maxReconsumeTimes()).isEqualTo(16);
    }

    @Test
    void everyRequiredV2KeyIsNamedWithItsMeaningWhenMissing() {
        String[][] required = {
            {"a", "producerGroup"}, {"b", "topic"}, {"c", "defaultTopic"}, {"d", "defaultTopicQueueNums"},
            {"e", "queueId"}, {"f", "sysFlag"}, {"g", "bornTimestamp"}, {"h", "flag"}
        };
        for (String[] key : required) {
            Map<String, String> fields = capturedV2();
            fields.remove(key[0]);
            assertThatThrownBy(() -> SendHeaderCodec.V2.decode(fields))
                    .isInstanceOf(InvalidHeaderException.class)
                    .hasMessage("missing header field '" + key[0] + "' (" + key[1] + ")");
        }
    }

    @Test
    void missingV1KeyNamesTheKey() {
        Map<String, String> v1 = new HashMap<>();
        SendHeaderCodec.encodeV1(capturedHeader(), v1);
        v1.remove("topic");
        assertThatThrownBy(() -> SendHeaderCodec.V1.decode(v1))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'topic'");
        assertThatThrownBy(() -> SendHeaderCodec.V2.decode((Map<String, String>) null))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void malformedNumberIsNamed() {
        Map<String, String> fields = capturedV2();
        fields.put("e", "zero");
        assertThatThrownBy(() -> SendHeaderCodec.V2.decode(fields))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'e' (queueId)")
                .hasMessageContaining("zero");
    }

    @Test
    void compressedSysFlagAndNegativeQueueSurvive() {
        Map<String, String> fields = capturedV2();
        fields.put("f", "769");
        fields.put("e", "-1");
        SendMessageRequestHeader header = SendHeaderCodec.V2.decode(fields);
        assertThat(header.sysFlag()).isEqualTo(0x301);
        assertThat(header.queueId()).isEqualTo(-1);
    }
}
