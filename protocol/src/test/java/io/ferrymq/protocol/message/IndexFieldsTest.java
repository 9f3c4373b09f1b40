package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexFieldsTest {
    private static final String[] NAMES = {"TAGS", "KEYS", "UNIQ_KEY", "TAG", "KEYSX", "UNIQ_KEY2", "WAIT", "a"};
    private static final String[] VALUES = {"TagA", "k1 k2", "  k3  ", "标签", "x", "0A01FFEE", "é b", "TagA||TagB"};

    private static ByteBuffer record(String topic, String encodedProperties, boolean direct) {
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(1)
                .bornHost(new InetSocketAddress("127.0.0.1", 1))
                .storeHost(new InetSocketAddress("127.0.0.1", 2))
                .body(new byte[] {1, 2, 3})
                .properties(encodedProperties)
                .build();
        ByteBuffer buffer =
                direct ? ByteBuffer.allocateDirect(message.recordSize()) : ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, 0, 0, 1);
        return buffer;
    }

    @Test
    void agreesWithThePropertyLookupsOnRandomRecords() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        IndexFields fields = new IndexFields();
        for (int round = 0; round < 2_000; round++) {
            StringBuilder properties = new StringBuilder();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                // duplicates on purpose: the last one counts
                properties
                        .append(NAMES[random.nextInt(NAMES.length)])
                        .append('\u0001')
                        .append(VALUES[random.nextInt(VALUES.length)])
                        .append('\u0002');
            }
            String topic = random.nextBoolean() ? "T" + random.nextInt(5) : "t".repeat(100 + random.nextInt(100));
            StoredRecord record =
                    new StoredRecord().wrap(record(topic, properties.toString(), random.nextBoolean()), 0);

            fields.read(record);

            String description = "seed " + seed + ", properties " + properties;
            assertThat(new String(fields.topicBytes(), 0, fields.topicLength(), StandardCharsets.UTF_8))
                    .as(description)
                    .isEqualTo(topic);
            assertThat(fields.tagsHashCode()).as(description).isEqualTo(record.tagsHashCode());
            assertThat(valueOf(fields, fields.hasKeys(), fields.keysStart(), fields.keysEnd()))
                    .as(description)
                    .isEqualTo(record.property(MessageProperty.KEYS));
            assertThat(valueOf(fields, fields.hasUniqKey(), fields.uniqKeyStart(), fields.uniqKeyEnd()))
                    .as(description)
                    .isEqualTo(record.property(MessageProperty.UNIQ_KEY));
        }
    }

    @Test
    void nonAsciiTagsHashLikeTheirString() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MessageProperty.TAGS, "订单");
        StoredRecord record =
                new StoredRecord().wrap(record("T", MessageProperties.encodeToString(properties), true), 0);

        assertThat(new IndexFields().read(record).tagsHashCode()).isEqualTo("订单".hashCode());
    }

    @Test
    void withoutPropertiesEverythingIsAbsent() {
        IndexFields fields = new IndexFields().read(new StoredRecord().wrap(record("T", "", false), 0));

        assertThat(fields.hasKeys()).isFalse();
        assertThat(fields.hasUniqKey()).isFalse();
        assertThat(fields.tagsHashCode()).isZero();
    }

    private static String valueOf(IndexFields fields, boolean present, int start, int end) {
        return present ? new String(fields.propertyBytes(), start, end - start, StandardCharsets.UTF_8) : null;
    }
}
