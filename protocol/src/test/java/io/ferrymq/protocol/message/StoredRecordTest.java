package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoredRecordTest {
    private static final String V4 = "10.0.0.5";
    private static final String V6 = "fd00::1:2";

    private static InetSocketAddress host(String address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static EncodableMessage message(
            String topic, byte[] body, Map<String, String> properties, String born, String store) {
        return EncodableMessage.builder()
                .topic(topic)
                .queueId(3)
                .flag(77)
                .sysFlag(MessageSysFlag.TRANSACTION_COMMIT_TYPE | MessageSysFlag.BORNHOST_V6_FLAG)
                .bornTimestamp(1_700_000_000_000L)
                .bornHost(host(born, 54321))
                .storeHost(host(store, 10911))
                .reconsumeTimes(2)
                .preparedTransactionOffset(9876)
                .body(body)
                .properties(properties)
                .build();
    }

    @ParameterizedTest(name = "born {0}, store {1}, topic {2} bytes, body {3} bytes, {4} properties")
    @CsvSource({
        V4 + "," + V4 + ",9,5,2",
        V6 + "," + V4 + ",9,5,2",
        V4 + "," + V6 + ",9,5,2",
        V6 + "," + V6 + ",9,5,2",
        V4 + "," + V4 + ",127,5,2",
        V4 + "," + V4 + ",200,5,2",
        V6 + "," + V6 + ",200,0,0",
        V4 + "," + V4 + ",9,0,2",
        V4 + "," + V4 + ",9,5,0",
    })
    void roundTrips(String born, String store, int topicLength, int bodyLength, int propertyCount) {
        String topic = "t".repeat(topicLength);
        byte[] body = new byte[bodyLength];
        for (int i = 0; i < bodyLength; i++) {
            body[i] = (byte) (i * 7);
        }
        Map<String, String> properties =
                propertyCount == 0 ? Map.of() : Map.of(MessageProperty.TAGS, "TagA", MessageProperty.KEYS, "k1 k2");
        EncodableMessage message = message(topic, body, properties, born, store);
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize() + 16);
        buffer.position(16);
        int size = MessageRecordEncoder.encode(buffer, message, 55, 4096, 1_700_000_000_123L);

        int v6Hosts = (born.equals(V6) ? 1 : 0) + (store.equals(V6) ? 1 : 0);
        int topicLengthSize = topicLength > 127 ? 2 : 1;
        int propertiesLength = MessageProperties.encode(properties).length;
        assertThat(size)
                .isEqualTo(84 + 12 * v6Hosts + 4 + bodyLength + topicLengthSize + topicLength + 2 + propertiesLength);
        assertThat(StoredRecord.validate(buffer, 16, buffer.limit())).isEqualTo(size);

        StoredRecord record = new StoredRecord().wrap(buffer, 16);
        assertThat(record.totalSize()).isEqualTo(size);
        assertThat(record.nextPosition()).isEqualTo(16 + size);
        assertThat(record.magic())
                .isEqualTo(topicLength > 127 ? MessageRecordLayout.MAGIC_V2 : MessageRecordLayout.MAGIC_V1);
        assertThat(record.bodyCrc()).isEqualTo(MessageRecordLayout.bodyCrc(body, 0, bodyLength));
        assertThat(record.queueId()).isEqualTo(3);
        assertThat(record.flag()).isEqualTo(77);
        assertThat(record.queueOffset()).isEqualTo(55);
        assertThat(record.physicalOffset()).isEqualTo(4096);
        assertThat(MessageSysFlag.transactionType(record.sysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(MessageSysFlag.isBornHostV6(record.sysFlag())).isEqualTo(born.equals(V6));
        assertThat(MessageSysFlag.isStoreHostV6(record.sysFlag())).isEqualTo(store.equals(V6));
        assertThat(record.bornTimestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(record.bornHost()).isEqualTo(host(born, 54321));
        assertThat(record.bornHostPort()).isEqualTo(54321);
        assertThat(record.storeTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(record.storeHost()).isEqualTo(host(store, 10911));
        assertThat(record.storeHostPort()).isEqualTo(10911);
        assertThat(record.reconsumeTimes()).isEqualTo(2);
        assertThat(record.preparedTransactionOffset()).isEqualTo(9876);
        assertThat(record.bodyLength()).isEqualTo(bodyLength);
        byte[] readBody = new byte[bodyLength];
        record.bodySlice().get(readBody);
        assertThat(readBody).isEqualTo(body);
        assertThat(record.bodyPosition()).isEqualTo(16 + 84 + 12 * v6Hosts + 4);
        assertThat(record.verifyBodyCrc()).isTrue();
        assertThat(record.topicLength()).isEqualTo(topicLength);
        assertThat(record.topic()).isEqualTo(topic);
        assertThat(record.topicEquals(topic)).isTrue();
        assertThat(record.topicEquals(topic + "x")).isFalse();
        assertThat(record.topicEquals(topic.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(record.propertiesLength()).isEqualTo(propertiesLength);
        assertThat(record.properties()).isEqualTo(properties);
        assertThat(record.property(MessageProperty.TAGS)).isEqualTo(properties.get(MessageProperty.TAGS));
        assertThat(record.tagsHashCode()).isEqualTo(propertyCount == 0 ? 0 : "TagA".hashCode());
        assertThat(record.propertiesPosition() + propertiesLength).isEqualTo(16 + size);
        assertThat(MessageIds.decodeOffsetMessageId(record.offsetMessageId()))
                .isEqualTo(new OffsetMessageId(host(store, 10911), 4096));
    }

    @Test
    void readsRecordsBackToBackAndInDirectBuffers() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
        EncodableMessage first = message("A", new byte[] {1}, Map.of(), V4, V4);
        EncodableMessage second = message("BB", new byte[] {2, 2}, Map.of(MessageProperty.TAGS, "x"), V6, V4);
        MessageRecordEncoder.encode(buffer, first, 0, 0, 1);
        MessageRecordEncoder.encode(buffer, second, 1, first.recordSize(), 2);
        int end = buffer.position();

        StoredRecord record = new StoredRecord();
        int position = 0;
        int count = 0;
        while (position < end) {
            assertThat(StoredRecord.validate(buffer, position, end)).isPositive();
            record.wrap(buffer, position);
            assertThat(record.physicalOffset()).isEqualTo(position);
            assertThat(record.queueOffset()).isEqualTo(count++);
            position = record.nextPosition();
        }
        assertThat(count).isEqualTo(2);
        assertThat(record.topic()).isEqualTo("BB");
        assertThat(record.tagsHashCode()).isEqualTo("x".hashCode());
    }

    @Test
    void nonAsciiTopicsAndTags() {
        String topic = "topic-é-日本";
        EncodableMessage message = message(topic, new byte[0], Map.of(MessageProperty.TAGS, "тег"), V4, V4);
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, 0, 0, 0);
        StoredRecord record = new StoredRecord().wrap(buffer, 0);
        assertThat(record.topic()).isEqualTo(topic);
        assertThat(record.topicEquals(topic)).isTrue();
        assertThat(record.topicEquals("topic-e-日本")).isFalse();
        assertThat(record.tagsHashCode()).isEqualTo("тег".hashCode());
    }
}
