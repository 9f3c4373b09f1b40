package io.ferrymq.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerRecords;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseRecordTest {
    private static StoredRecord parked(String realTopic, String bornIp, String body) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("UNIQ_KEY", "ID-" + realTopic.length());
        properties.put("TIMER_DELAY_MS", "5000");
        properties.put("TAGS", "t");
        EncodableMessage original = EncodableMessage.builder()
                .topic(realTopic)
                .queueId(5)
                .flag(1)
                .bornTimestamp(99)
                .bornHost(new InetSocketAddress(InetAddress.getByName(bornIp), 1234))
                .storeHost(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 10911))
                .reconsumeTimes(4)
                .preparedTransactionOffset(77)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
        EncodableMessage parked = TimerRecords.schedule(original, 123_456);
        ByteBuffer buffer = ByteBuffer.allocateDirect(parked.recordSize() + 10);
        MessageRecordEncoder.encodeAt(buffer, 10, parked, 8, 2048, 555);
        return new StoredRecord().wrap(buffer, 10);
    }

    private static byte[] viaReleaseRecord(StoredRecord parked) {
        ReleaseRecord release = new ReleaseRecord();
        assertThat(release.wrap(parked)).isTrue();
        ByteBuffer target = ByteBuffer.allocate(release.recordSize() + 7);
        target.position(7);
        release.encode(target, 9_000, 31, 777);
        assertThat(target.position()).isEqualTo(7 + release.recordSize());
        byte[] out = new byte[release.recordSize()];
        target.get(7, out);
        return out;
    }

    private static byte[] viaMessageRecord(StoredRecord parked) {
        MessageRecord record = new MessageRecord(TimerRecords.release(parked));
        ByteBuffer target = ByteBuffer.allocate(record.recordSize());
        record.encode(target, 9_000, 31, 777);
        return target.array();
    }

    @Test
    void encodesTheSameBytesAsAMessageRecordOfTheReleasedMessage() throws Exception {
        StoredRecord parked = parked("OrderTopic", "10.1.2.3", "payload");
        assertThat(viaReleaseRecord(parked)).isEqualTo(viaMessageRecord(parked));
    }

    @Test
    void ipv6HostsLongTopicsAndEmptyBodies() throws Exception {
        String longTopic = "T".repeat(200);
        StoredRecord parked = parked(longTopic, "fd00::2", "");
        byte[] released = viaReleaseRecord(parked);
        assertThat(released).isEqualTo(viaMessageRecord(parked));
        StoredRecord view = new StoredRecord().wrap(ByteBuffer.wrap(released), 0);
        assertThat(StoredRecord.validate(view.buffer(), 0, released.length)).isEqualTo(released.length);
        assertThat(view.topic()).isEqualTo(longTopic);
        assertThat(view.queueId()).isEqualTo(5);
        assertThat(view.physicalOffset()).isEqualTo(9_000);
        assertThat(view.queueOffset()).isEqualTo(31);
        assertThat(view.storeTimestamp()).isEqualTo(777);
        assertThat(view.property("UNIQ_KEY")).isEqualTo("ID-200");
        assertThat(view.property("REAL_TOPIC")).isNull();
        assertThat(view.property("TIMER_OUT_MS")).isNull();
    }

    @Test
    void reusedForManyRecordsAndTopics() throws Exception {
        ReleaseRecord release = new ReleaseRecord();
        for (int i = 0; i < 50; i++) {
            StoredRecord parked = parked("Topic" + (i % 7), "10.0.0." + i, "body" + i);
            assertThat(release.wrap(parked)).isTrue();
            assertThat(release.topic()).isEqualTo("Topic" + (i % 7));
            ByteBuffer target = ByteBuffer.allocate(release.recordSize());
            release.encode(target, 9_000, 31, 777);
            assertThat(target.array()).isEqualTo(viaMessageRecord(parked));
        }
    }
}
