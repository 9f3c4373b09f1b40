package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchBodyCodecTest {
    private static BatchEntry entry(int flag, String body, Map<String, String> properties) {
        return BatchEntry.of(flag, body.getBytes(StandardCharsets.UTF_8), MessageProperties.encode(properties));
    }

    private static byte[] threeMessages() {
        return BatchBodyCodec.encode(List.of(
                entry(1, "first", Map.of(MessageProperty.UNIQ_KEY, "A", MessageProperty.TAGS, "t1")),
                entry(0, "", Map.of(MessageProperty.UNIQ_KEY, "B")),
                entry(7, "third body", Map.of())));
    }

    @Test
    void decodesViewsOverTheRequestBody() {
        byte[] body = threeMessages();
        List<BatchEntry> entries = BatchBodyCodec.decode(body);

        assertThat(entries).hasSize(3);
        assertThat(entries).allSatisfy(e -> assertThat(e.array()).isSameAs(body));
        assertThat(entries.get(0).flag()).isEqualTo(1);
        assertThat(new String(entries.get(0).bodyBytes(), StandardCharsets.UTF_8))
                .isEqualTo("first");
        assertThat(entries.get(0).properties()).containsEntry(MessageProperty.TAGS, "t1");
        assertThat(entries.get(0).property(MessageProperty.UNIQ_KEY)).isEqualTo("A");
        assertThat(entries.get(1).bodyLength()).isZero();
        assertThat(entries.get(1).property(MessageProperty.UNIQ_KEY)).isEqualTo("B");
        assertThat(entries.get(2).flag()).isEqualTo(7);
        assertThat(entries.get(2).body()).isEqualTo(ByteBuffer.wrap("third body".getBytes(StandardCharsets.UTF_8)));
        assertThat(entries.get(2).propertiesLength()).isZero();

        // the documented layout: TOTALSIZE, MAGIC 0, BODYCRC 0, FLAG, BODY, PROPERTIES
        ByteBuffer buffer = ByteBuffer.wrap(body);
        int firstProperties = entries.get(0).propertiesLength();
        assertThat(buffer.getInt(0)).isEqualTo(22 + 5 + firstProperties);
        assertThat(buffer.getInt(4)).isZero();
        assertThat(buffer.getInt(8)).isZero();
        assertThat(buffer.getInt(12)).isEqualTo(1);
        assertThat(buffer.getInt(16)).isEqualTo(5);
        assertThat(buffer.getShort(25)).isEqualTo((short) firstProperties);
    }

    @Test
    void reEncodesDecodedEntriesByteForByte() {
        byte[] body = threeMessages();
        assertThat(BatchBodyCodec.encode(BatchBodyCodec.decode(body))).isEqualTo(body);
        byte[] padded = new byte[body.length + 10];
        System.arraycopy(body, 0, padded, 4, body.length);
        assertThat(BatchBodyCodec.decode(padded, 4, body.length)).hasSize(3);
    }

    @Test
    void refusesTruncatedBodies() {
        byte[] body = threeMessages();
        for (int length : new int[] {body.length - 1, body.length - 12, 21, 5}) {
            byte[] cut = java.util.Arrays.copyOf(body, length);
            assertThatThrownBy(() -> BatchBodyCodec.decode(cut))
                    .as("cut to %d", length)
                    .isInstanceOf(MalformedBatchException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("malformed batch body");
        }
        assertThatThrownBy(() -> BatchBodyCodec.decode(new byte[0]))
                .isInstanceOf(MalformedBatchException.class)
                .hasMessageContaining("no message");
    }

    @Test
    void refusesSizesThatDoNotAddUp() {
        byte[] body = threeMessages();
        ByteBuffer buffer = ByteBuffer.wrap(body);
        int first = buffer.getInt(0);

        buffer.putInt(0, first - 1);
        assertThatThrownBy(() -> BatchBodyCodec.decode(body)).isInstanceOf(MalformedBatchException.class);
        buffer.putInt(0, 10);
        assertThatThrownBy(() -> BatchBodyCodec.decode(body)).hasMessageContaining("TOTALSIZE 10");
        buffer.putInt(0, first);

        buffer.putInt(16, -5);
        assertThatThrownBy(() -> BatchBodyCodec.decode(body)).hasMessageContaining("body length -5");
        buffer.putInt(16, first);
        assertThatThrownBy(() -> BatchBodyCodec.decode(body)).isInstanceOf(MalformedBatchException.class);
        buffer.putInt(16, 4);
        assertThatThrownBy(() -> BatchBodyCodec.decode(body))
                .isInstanceOf(MalformedBatchException.class)
                .hasMessageContaining("message 0 at byte 0");
        buffer.putInt(16, 5);

        int second = first;
        buffer.putShort(second + 20, (short) -1);
        assertThatThrownBy(() -> BatchBodyCodec.decode(body)).hasMessageContaining("message 1");
    }
}
