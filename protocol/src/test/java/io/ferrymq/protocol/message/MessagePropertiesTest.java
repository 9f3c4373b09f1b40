package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {
    /** Captured 5.x form (SEND header {@code i}), trailing 0x02. */
    private static final String V5 =
            "KEYS\u0001KEY-A\u0002UNIQ_KEY\u0001FD000000000000000000000000000002077A30946E0967876E9F0000\u0002"
                    + "WAIT\u0001true\u0002TAGS\u0001TagA\u0002";
    /** The same in the 4.9.x form: no trailing 0x02. */
    private static final String V4_9 = V5.substring(0, V5.length() - 1);

    private static Map<String, String> parseBytes(String text) {
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return MessageProperties.parse(bytes, 2, bytes.length - 4);
    }

    private static String find(String text, String name) {
        ByteBuffer direct = ByteBuffer.allocateDirect(text.length() * 3 + 8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        direct.put(5, bytes);
        String viaBuffer = MessageProperties.find(direct, 5, bytes.length, name);
        assertThat(MessageProperties.find(text, name)).isEqualTo(viaBuffer);
        assertThat(MessageProperties.find(bytes, 0, bytes.length, name)).isEqualTo(viaBuffer);
        return viaBuffer;
    }

    @Test
    void parsesBothFormsAlike() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("KEYS", "KEY-A");
        expected.put("UNIQ_KEY", "FD000000000000000000000000000002077A30946E0967876E9F0000");
        expected.put("WAIT", "true");
        expected.put("TAGS", "TagA");
        for (String form : new String[] {V5, V4_9}) {
            assertThat(MessageProperties.parse(form)).containsExactlyEntriesOf(expected);
            assertThat(parseBytes(form)).containsExactlyEntriesOf(expected);
            assertThat(find(form, MessageProperty.TAGS)).isEqualTo("TagA");
            assertThat(find(form, MessageProperty.UNIQ_KEY)).hasSize(56);
            assertThat(find(form, MessageProperty.DELAY)).isNull();
        }
    }

    @Test
    void theLastDuplicateWins() {
        String text = "TAGS\u0001first\u0002KEYS\u0001k\u0002TAGS\u0001second";
        assertThat(MessageProperties.parse(text)).containsExactly(entry("TAGS", "second"), entry("KEYS", "k"));
        assertThat(parseBytes(text)).containsEntry("TAGS", "second");
        assertThat(find(text, "TAGS")).isEqualTo("second");
    }

    @Test
    void junkSegmentsAreIgnored() {
        String text = "\u0002\u0002ab\u0002\u0001ab\u0002ab\u0001\u0002noseparator\u0002a\u0001b\u0002"
                + "x\u0001\u0001\u0002k\u0001v\u0001w\u0002";
        Map<String, String> expected = Map.of("a", "b", "x", "\u0001", "k", "v\u0001w");
        assertThat(MessageProperties.parse(text)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(parseBytes(text)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(find(text, "ab")).isNull();
        assertThat(find(text, "")).isNull();
        assertThat(find(text, "k")).isEqualTo("v\u0001w");
        assertThat(MessageProperties.parse("")).isEmpty();
        assertThat(MessageProperties.parse((String) null)).isEmpty();
        assertThat(parseBytes("")).isEmpty();
    }

    @Test
    void namesMatchWholly() {
        String text = "TAGSX\u0001no\u0002XTAGS\u0001no\u0002TAG\u0001no\u0002";
        assertThat(find(text, "TAGS")).isNull();
        assertThat(MessageProperties.valueHashCode(
                        ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0, text.length(), "TAGS"))
                .isZero();
    }

    @Test
    void valueHashCodeIsTheStringHash() {
        String text = "KEYS\u0001k\u0002TAGS\u0001TagA\u0002ü\u0001Ünïcødé\u0002";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(MessageProperties.valueHashCode(buffer, 0, bytes.length, "TAGS"))
                .isEqualTo("TagA".hashCode());
        assertThat(MessageProperties.valueHashCode(buffer, 0, bytes.length, "ü"))
                .isEqualTo("Ünïcødé".hashCode());
        assertThat(find(text, "ü")).isEqualTo("Ünïcødé");
        long range = MessageProperties.valueRange(buffer, 0, bytes.length, "KEYS");
        assertThat(MessageProperties.rangePosition(range)).isEqualTo(5);
        assertThat(MessageProperties.rangeLength(range)).isEqualTo(1);
        assertThat(MessageProperties.valueRange(buffer, 0, bytes.length, "nope"))
                .isEqualTo(MessageProperties.NOT_FOUND);
    }

    @Test
    void encodesTheFiveXForm() {
        Map<String, String> properties = new LinkedHashMap<>(MessageProperties.parse(V4_9));
        assertThat(MessageProperties.encodeToString(properties)).isEqualTo(V5);
        assertThat(MessageProperties.encode(properties)).isEqualTo(V5.getBytes(StandardCharsets.UTF_8));
        assertThat(MessageProperties.encode(Map.of())).isEmpty();
        assertThat(MessageProperties.parse(MessageProperties.encodeToString(Map.of("é", "日本"))))
                .containsExactly(entry("é", "日本"));
    }

    @Test
    void appendAddsOrOverrides() {
        byte[] v4_9 = V4_9.getBytes(StandardCharsets.UTF_8);
        byte[] appended = MessageProperties.append(v4_9, MessageProperty.TAGS, "TagB");
        assertThat(new String(appended, StandardCharsets.UTF_8)).isEqualTo(V5 + "TAGS\u0001TagB\u0002");
        assertThat(MessageProperties.find(appended, 0, appended.length, MessageProperty.TAGS))
                .isEqualTo("TagB");
        assertThat(MessageProperties.append(new byte[0], "a", "b")).isEqualTo("a\u0001b\u0002".getBytes());
    }

    @Test
    void refusesWhatCannotBeEncoded() {
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("k", "x".repeat(32_765))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32768 bytes")
                .hasMessageContaining("32767");
        assertThat(MessageProperties.encode(Map.of("k", "x".repeat(32_764)))).hasSize(32_767);
        assertThatThrownBy(() -> MessageProperties.toBytes("x".repeat(32_768)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("a\u0001b", "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x01 or 0x02");
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("k", "v\u0002")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
