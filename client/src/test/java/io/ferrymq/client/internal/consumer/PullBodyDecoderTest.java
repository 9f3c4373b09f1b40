package io.ferrymq.client.internal.consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullBodyDecoderTest {
    static byte[] record(String topic, long queueOffset, String body, Map<String, String> properties) {
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(3)
                .bornTimestamp(1000)
                .bornHost(new InetSocketAddress("10.0.0.5", 5000))
                .storeHost(new InetSocketAddress("127.0.0.1", 10911))
                .reconsumeTimes(properties.containsKey("RETRY_TOPIC") ? 1 : 0)
                .body(body.getBytes(UTF_8))
                .properties(properties)
                .build();
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, queueOffset, 4096 + queueOffset, 2000);
        return buffer.array();
    }

    @Test
    void decodesConcatenatedRecordsWithQueueIdFromTheRequestAndRestoresRetryTopic() throws Exception {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("UNIQ_KEY", "AAAA");
        plain.put("TAGS", "A");
        plain.put("KEYS", "k1 k2");
        Map<String, String> retry = new LinkedHashMap<>(plain);
        retry.put("RETRY_TOPIC", "Orders");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(record("Orders", 7, "one", plain));
        body.write(record("%RETRY%g", 8, "two", retry));

        List<MessageView> views =
                PullBodyDecoder.decode(body.toByteArray(), "broker-a", new MessageQueue("%RETRY%g", "broker-a", 0));

        assertThat(views).hasSize(2);
        assertThat(views.get(0).queueId()).isZero();
        assertThat(views.get(0).queueOffset()).isEqualTo(7);
        assertThat(views.get(0).keys()).containsExactly("k1", "k2");
        assertThat(views.get(0).msgId()).isEqualTo("AAAA");
        assertThat(views.get(0).offsetMsgId()).hasSize(32);
        assertThat(views.get(1).topic()).isEqualTo("Orders");
        assertThat(views.get(1).reconsumeTimes()).isEqualTo(1);
        assertThat(new String(views.get(1).body(), UTF_8)).isEqualTo("two");
    }

    @Test
    void stopsAtADamagedRecord() throws Exception {
        byte[] good = record("T", 1, "ok", Map.of("UNIQ_KEY", "B"));
        byte[] bad = record("T", 2, "bad", Map.of("UNIQ_KEY", "C"));
        ByteBuffer.wrap(bad).putInt(4, 0x12345678);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(good);
        body.write(bad);
        assertThat(PullBodyDecoder.decode(body.toByteArray(), "b", null)).hasSize(1);
    }

    @Test
    void inflatesZlibBodies() {
        byte[] original = "compress me ".repeat(50).getBytes(UTF_8);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(original);
        deflater.finish();
        byte[] out = new byte[1024];
        int n = deflater.deflate(out);
        deflater.end();
        assertThat(PullBodyDecoder.inflate(java.util.Arrays.copyOf(out, n))).isEqualTo(original);
    }
}
