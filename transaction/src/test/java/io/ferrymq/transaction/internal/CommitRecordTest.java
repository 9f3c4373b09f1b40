package io.ferrymq.transaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.HalfRecords;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commit encoded straight from the half's bytes is byte for byte what {@link HalfRecords#commit} encodes. */
class CommitRecordTest {
    private static final long HALF_OFFSET = 1 << 20;

    private static StoredRecord half(
            String topic, byte[] bornHost, byte[] storeHost, String properties49, byte[] body) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TRAN_MSG", "true");
        properties.put("PGROUP", "g");
        properties.put("UNIQ_KEY", "ABCDEF");
        properties.put("a", "1");
        EncodableMessage.Builder message = EncodableMessage.builder()
                .topic(topic)
                .queueId(6)
                .flag(3)
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE | MessageSysFlag.COMPRESSED_FLAG)
                .bornTimestamp(123)
                .bornHost(bornHost, 1)
                .storeHost(storeHost, 2)
                .reconsumeTimes(4)
                .body(body);
        if (properties49 != null) {
            message.properties(properties49.getBytes(StandardCharsets.UTF_8));
        } else {
            message.properties(properties);
        }
        EncodableMessage half = HalfRecords.half(message.build());
        ByteBuffer buffer = ByteBuffer.allocateDirect(half.recordSize());
        MessageRecordEncoder.encode(buffer, half, 9, HALF_OFFSET, 456);
        return new StoredRecord().wrap(buffer.flip(), 0);
    }

    private static void assertSameBytes(StoredRecord half) {
        EncodableMessage expected = HalfRecords.commit(half);
        ByteBuffer want = ByteBuffer.allocate(expected.recordSize());
        MessageRecordEncoder.encode(want, expected, 77, 5_000_000, 999);

        CommitRecord record = new CommitRecord();
        assertThat(record.wrap(half)).isTrue();
        assertThat(record.topic()).isEqualTo(new String(expected.topic(), StandardCharsets.UTF_8));
        assertThat(record.queueId()).isEqualTo(expected.queueId());
        assertThat(record.recordSize()).isEqualTo(expected.recordSize());
        ByteBuffer got = ByteBuffer.allocate(record.recordSize() + 16);
        got.position(8);
        record.encode(got, 5_000_000, 77, 999);

        assertThat(got.position()).isEqualTo(8 + record.recordSize());
        assertThat(got.slice(8, record.recordSize())).isEqualTo(want.flip());
        assertThat(StoredRecord.validate(want, 0, want.limit())).isEqualTo(want.limit());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4_000})
    void matchesTheEncodedCommitForIpv4Hosts(int bodyLength) {
        byte[] body = new byte[bodyLength];
        new Random(bodyLength).nextBytes(body);
        assertSameBytes(half("Orders", new byte[4], new byte[] {127, 0, 0, 1}, null, body));
    }

    @Test
    void matchesForIpv6HostsALongTopicAndA49PropertyString() {
        byte[] v6 = new byte[16];
        v6[15] = 1;
        assertSameBytes(half("T".repeat(200), v6, new byte[4], null, "x".getBytes()));
        assertSameBytes(half("Orders", new byte[4], v6, "UNIQ_KEY\u0001K\u0002PGROUP\u0001g", "y".getBytes()));
        assertSameBytes(half("Orders", v6, v6, "TRAN_MSG\u0001true", new byte[0]));
    }

    @Test
    void isReusableAcrossHalves() {
        CommitRecord record = new CommitRecord();
        record.wrap(half("First", new byte[4], new byte[4], null, "1".getBytes()));
        assertSameBytes(half("Second", new byte[4], new byte[4], null, "22".getBytes()));
        assertThat(record.topic()).isEqualTo("First");
    }
}
