package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertySplitTest {
    private final PropertySplit split =
            new PropertySplit(List.of("DROP", "BOTH"), List.of("PRE_"), List.of("BOTH", "KEEP", "NUM"));

    private PropertySplit scan(String encoded) {
        byte[] bytes = ("xx" + encoded).getBytes(StandardCharsets.UTF_8);
        return split.scan(bytes, 2, bytes.length - 2);
    }

    @Test
    void dropsByNameAndPrefixKeepsTheRestAndWatchesEither() {
        scan("A\u0001a\u0002DROP\u00011\u0002PRE_X\u00012\u0002BOTH\u0001b\u0002KEEP\u0001k\u0002NUM\u000142\u0002");

        assertThat(new String(split.keptBytes(), StandardCharsets.UTF_8))
                .isEqualTo("A\u0001a\u0002KEEP\u0001k\u0002NUM\u000142\u0002");
        assertThat(split.keptLength()).isEqualTo(split.keptBytes().length);
        assertThat(split.string(0)).as("watched and dropped").isEqualTo("b");
        assertThat(split.string(1)).as("watched and kept").isEqualTo("k");
        assertThat(split.number(2)).isEqualTo(42);
    }

    @Test
    void theLastOccurrenceWinsAndMalformedSegmentsAreDropped() {
        scan(
                "KEEP\u0001first\u0002noSeparator\u0002\u0001novalue\u0002EMPTY\u0001\u0002KEEP\u0001second\u0002NUM\u0001x1");

        assertThat(split.string(1)).isEqualTo("second");
        assertThat(split.number(2)).as("not a number").isEqualTo(-1);
        assertThat(split.string(0)).isNull();
        assertThat(split.range(0)).isEqualTo(MessageProperties.NOT_FOUND);
        assertThat(new String(split.keptBytes(), StandardCharsets.UTF_8))
                .isEqualTo("KEEP\u0001first\u0002KEEP\u0001second\u0002NUM\u0001x1\u0002");
    }

    @Test
    void aReusedSplitForgetsThePreviousScan() {
        scan("KEEP\u0001k\u0002");
        scan("A\u0001a");

        assertThat(split.string(1)).isNull();
        assertThat(new String(split.keptBytes(), StandardCharsets.UTF_8)).isEqualTo("A\u0001a\u0002");
    }
}
