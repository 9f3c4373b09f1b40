package io.ferrymq.protocol.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.SerializeType;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample of captured frames (the first of every code and direction, and every seventh frame)
 * encoded once as JSON and once as the ROCKETMQ binary header: both must decode to equal commands.
 * The binary header cannot tell an empty {@code extFields} from an absent one, so those count as
 * equal.
 */
class JsonBinaryEquivalenceTest {

    static Stream<CaptureFrame> sample() {
        List<CaptureFrame> frames = WireCapture.frames();
        Set<String> seen = new HashSet<>();
        Stream.Builder<CaptureFrame> sample = Stream.builder();
        for (int i = 0; i < frames.size(); i++) {
            CaptureFrame frame = frames.get(i);
            String kind = frame.server() + frame.direction() + frame.code() + frame.isResponse();
            if (seen.add(kind) || i % 7 == 0) {
                sample.add(frame);
            }
        }
        return sample.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sample")
    void jsonAndBinaryHeadersDecodeToEqualCommands(CaptureFrame frame) {
        RemotingCommand captured = CommandCodec.decode(frame.frameWithoutLength());

        RemotingCommand viaJson = roundTrip(captured.serializeType(SerializeType.JSON));
        RemotingCommand viaBinary = roundTrip(captured.serializeType(SerializeType.ROCKETMQ));

        assertThat(viaJson.serializeType()).isEqualTo(SerializeType.JSON);
        assertThat(viaBinary.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(viaBinary.code()).isEqualTo(viaJson.code());
        assertThat(viaBinary.flag()).isEqualTo(viaJson.flag());
        assertThat(viaBinary.opaque()).isEqualTo(viaJson.opaque());
        assertThat(viaBinary.version()).isEqualTo(viaJson.version());
        assertThat(viaBinary.language()).isEqualTo(viaJson.language());
        assertThat(viaBinary.remark()).isEqualTo(viaJson.remark());
        assertThat(orEmpty(viaBinary.extFields())).isEqualTo(orEmpty(viaJson.extFields()));
        assertThat(orEmpty(viaJson.extFields())).isEqualTo(orEmpty(frame.extFields()));
        assertThat(viaBinary.body()).isEqualTo(viaJson.body()).isEqualTo(frame.body());
    }

    private static RemotingCommand roundTrip(RemotingCommand command) {
        ByteBuffer frame = CommandCodec.encode(command);
        frame.getInt();
        return CommandCodec.decode(frame);
    }

    private static Map<String, String> orEmpty(Map<String, String> fields) {
        return fields == null ? Map.of() : fields;
    }
}
