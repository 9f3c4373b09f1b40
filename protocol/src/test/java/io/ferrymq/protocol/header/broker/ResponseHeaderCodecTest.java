package io.ferrymq.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.InvalidHeaderException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseHeaderCodecTest {
    @Test
    void sendResponseKeepsMsgRegionAndTraceOnKeys() {
        Map<String, String> captured = Map.of(
                "queueId", "0",
                "transactionId", "FD000000000000000000000000000002077A30946E0967876E9F0000",
                "msgId", "7F000002000051AF0000000000000000",
                "TRACE_ON", "true",
                "MSG_REGION", "DefaultRegion",
                "queueOffset", "0");
        SendMessageResponseHeader header = SendResponseHeaderCodec.INSTANCE.decode(captured);
        assertThat(header)
                .isEqualTo(new SendMessageResponseHeader(
                        "7F000002000051AF0000000000000000",
                        0,
                        0L,
                        "FD000000000000000000000000000002077A30946E0967876E9F0000",
                        null,
                        null,
                        "DefaultRegion",
                        true));
        Map<String, String> encoded = new HashMap<>();
        SendResponseHeaderCodec.INSTANCE.encodeInto(header, encoded);
        assertThat(encoded).isEqualTo(captured);
    }

    @Test
    void sendResponseRequiresMsgIdQueueIdAndQueueOffset() {
        for (String key : new String[] {"msgId", "queueId", "queueOffset"}) {
            Map<String, String> fields = new HashMap<>(Map.of("msgId", "X", "queueId", "1", "queueOffset", "2"));
            fields.remove(key);
            assertThatThrownBy(() -> SendResponseHeaderCodec.INSTANCE.decode(fields))
                    .isInstanceOf(InvalidHeaderException.class)
                    .hasMessageContaining("'" + key + "'");
        }
    }

    @Test
    void pullResponseRoundTripsAndRequiresTheFourOffsets() {
        Map<String, String> captured = Map.of(
                "suggestWhichBrokerId", "0",
                "groupSysFlag", "0",
                "nextBeginOffset", "4",
                "maxOffset", "4",
                "minOffset", "0",
                "topicSysFlag", "0");
        PullMessageResponseHeader header = PullResponseHeaderCodec.INSTANCE.decode(captured);
        assertThat(header).isEqualTo(new PullMessageResponseHeader(0, 4, 0, 4, null, 0, 0, null));
        Map<String, String> encoded = new HashMap<>();
        PullResponseHeaderCodec.INSTANCE.encodeInto(header, encoded);
        assertThat(encoded).isEqualTo(captured);

        for (String key : new String[] {"suggestWhichBrokerId", "nextBeginOffset", "minOffset", "maxOffset"}) {
            Map<String, String> fields = new HashMap<>(captured);
            fields.remove(key);
            assertThatThrownBy(() -> PullResponseHeaderCodec.INSTANCE.decode(fields))
                    .isInstanceOf(InvalidHeaderException.class)
                    .hasMessage("missing header field '" + key + "' (PullMessageResponseHeader)");
        }
    }
}
