package io.ferrymq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.Required;
import io.ferrymq.protocol.header.WireName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderBindingTest {
    public enum Boundary {
        LOWER,
        UPPER
    }

    public record Sample(
            @Required String topic,
            int queueId,
            Long offset,
            boolean flag,
            @WireName("b") String brokerName,
            Boundary boundaryType) {}

    @Test
    void encodesEveryNonNullComponentAsAStringUnderItsWireName() {
        Map<String, String> fields =
                HeaderBinding.of(Sample.class).encode(new Sample("T", 3, null, true, "broker-a", Boundary.UPPER));
        assertThat(fields)
                .isEqualTo(
                        Map.of("topic", "T", "queueId", "3", "flag", "true", "b", "broker-a", "boundaryType", "UPPER"));
    }

    @Test
    void decodesAndIgnoresUnknownKeys() {
        Sample sample = HeaderBinding.of(Sample.class)
                .decode(Map.of("topic", " T ", "queueId", " 7 ", "offset", "-9", "flag", "TRUE", "bname", "x"));
        assertThat(sample).isEqualTo(new Sample(" T ", 7, -9L, true, null, null));
    }

    @Test
    void missingRequiredFieldsAreNamedInTheError() {
        assertThatThrownBy(() -> HeaderBinding.of(Sample.class).decode(Map.of("queueId", "1", "flag", "false")))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'topic'");
        assertThatThrownBy(() -> HeaderBinding.of(Sample.class).decode(Map.of("topic", "T", "flag", "false")))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'queueId'");
    }

    @Test
    void malformedNumbersAreNamedInTheError() {
        assertThatThrownBy(() ->
                        HeaderBinding.of(Sample.class).decode(Map.of("topic", "T", "queueId", "one", "flag", "false")))
                .isInstanceOf(InvalidHeaderException.class)
                .hasMessageContaining("'queueId'")
                .hasMessageContaining("one");
    }
}
