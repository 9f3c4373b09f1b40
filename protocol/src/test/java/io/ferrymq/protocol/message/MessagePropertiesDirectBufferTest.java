package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lookups over off-heap bytes (where stored records live) answer exactly as over heap bytes. */
class MessagePropertiesDirectBufferTest {
    private static final String PROPERTIES =
            "KEYS\u0001order-1 order-2\u0002UNIQ_KEY\u0001FD0001\u0002TAGS\u0001TagA\u0002TAGS\u0001TagB\u0002x\u0002";

    @Test
    void directAndHeapBuffersGiveTheSameAnswersAtTheSamePositions() {
        byte[] bytes = PROPERTIES.getBytes(StandardCharsets.UTF_8);
        int offset = 37; // the properties sit inside a larger record
        ByteBuffer heap = ByteBuffer.allocate(offset + bytes.length + 5).put(offset, bytes);
        ByteBuffer direct = ByteBuffer.allocateDirect(offset + bytes.length + 5).put(offset, bytes);

        for (String name : new String[] {"KEYS", "UNIQ_KEY", "TAGS", "MISSING", "x"}) {
            assertThat(MessageProperties.valueRange(direct, offset, bytes.length, name))
                    .as(name)
                    .isEqualTo(MessageProperties.valueRange(heap, offset, bytes.length, name));
            assertThat(MessageProperties.find(direct, offset, bytes.length, name))
                    .isEqualTo(MessageProperties.find(heap, offset, bytes.length, name));
            assertThat(MessageProperties.valueHashCode(direct, offset, bytes.length, name))
                    .isEqualTo(MessageProperties.valueHashCode(heap, offset, bytes.length, name));
        }
        assertThat(MessageProperties.find(direct, offset, bytes.length, "TAGS")).isEqualTo("TagB");
        assertThat(MessageProperties.find(direct, offset, bytes.length, "KEYS")).isEqualTo("order-1 order-2");
    }

    @Test
    void longPropertiesGrowTheScratchCopy() {
        String longValue = "v".repeat(5000);
        byte[] bytes = ("A\u0001" + longValue + "\u0002B\u0001b\u0002").getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(0, bytes);
        assertThat(MessageProperties.find(direct, 0, bytes.length, "A")).isEqualTo(longValue);
        assertThat(MessageProperties.find(direct, 0, bytes.length, "B")).isEqualTo("b");
    }
}
