package io.ferrymq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimerRecordsTest {
    private static final long DELIVER_AT = 1_767_225_600_000L;

    static Map<String, String> userProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("UNIQ_KEY", "7F0000010001B4AAC6A31F5A5C9B0000");
        properties.put("KEYS", "order-1 order-2");
        properties.put("TAGS", "TagA");
        properties.put("DELAY", "3");
        properties.put("TIMER_DELAY_SEC", "5");
        properties.put("TIMER_DELIVER_MS", "123");
        properties.put("WAIT", "true");
        properties.put("color", "blue");
        return properties;
    }

    static EncodableMessage original(String topic, Map<String, String> properties) throws Exception {
        return EncodableMessage.builder()
                .topic(topic)
                .queueId(3)
                .flag(7)
                .sysFlag(MessageSysFlag.TRANSACTION_COMMIT_TYPE)
                .bornTimestamp(1_700_000_000_123L)
                .bornHost(new InetSocketAddress(InetAddress.getByName("10.0.0.5"), 54321))
                .storeHost(new InetSocketAddress(InetAddress.getByName("::1"), 10911))
                .reconsumeTimes(2)
                .body("hello, later".getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
    }

    static StoredRecord stored(EncodableMessage message, long physicalOffset) {
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, 42, physicalOffset, 1_700_000_001_000L);
        return new StoredRecord().wrap(buffer, 0);
    }

    @Test
    void scheduledPropertiesDropDelaysAndCarryTheRealPlace() {
        byte[] scheduled = TimerRecords.scheduledProperties(
                MessageProperties.encode(userProperties()), "OrderTopic", 3, DELIVER_AT);
        Map<String, String> parsed = MessageProperties.parse(scheduled, 0, scheduled.length);
        assertThat(parsed)
                .containsEntry("REAL_TOPIC", "OrderTopic")
                .containsEntry("REAL_QID", "3")
                .containsEntry("TIMER_OUT_MS", String.valueOf(DELIVER_AT))
                .containsEntry("UNIQ_KEY", "7F0000010001B4AAC6A31F5A5C9B0000")
                .containsEntry("color", "blue")
                .doesNotContainKeys("DELAY", "TIMER_DELAY_SEC", "TIMER_DELIVER_MS");
    }

    @Test
    void untrustedRealPlaceAndTimerPropertiesAreReplaced() {
        Map<String, String> sent = new LinkedHashMap<>(userProperties());
        sent.put("REAL_TOPIC", "Elsewhere");
        sent.put("REAL_QID", "9");
        sent.put("TIMER_OUT_MS", "1");
        byte[] scheduled =
                TimerRecords.scheduledProperties(MessageProperties.encode(sent), "OrderTopic", 3, DELIVER_AT);
        String text = new String(scheduled, StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContain("Elsewhere")
                .containsOnlyOnce("REAL_QID")
                .containsOnlyOnce("TIMER_OUT_MS");
    }

    @Test
    void scheduleThenReleaseGivesTheOriginalMessage() throws Exception {
        EncodableMessage original = original("OrderTopic", userProperties());
        EncodableMessage parked = TimerRecords.schedule(original, DELIVER_AT);
        assertThat(new String(parked.topic(), StandardCharsets.UTF_8)).isEqualTo(TimerTopic.NAME);
        assertThat(parked.queueId()).isEqualTo(TimerTopic.QUEUE_ID);

        StoredRecord record = stored(parked, 4096);
        assertThat(TimerRecords.deliverAtMs(record)).isEqualTo(DELIVER_AT);
        EncodableMessage released = TimerRecords.release(record);

        assertThat(new String(released.topic(), StandardCharsets.UTF_8)).isEqualTo("OrderTopic");
        assertThat(released.queueId()).isEqualTo(3);
        assertThat(released.flag()).isEqualTo(7);
        assertThat(released.sysFlag()).isEqualTo(original.sysFlag());
        assertThat(released.bornTimestamp()).isEqualTo(original.bornTimestamp());
        assertThat(released.bornHostAddress()).isEqualTo(original.bornHostAddress());
        assertThat(released.bornHostPort()).isEqualTo(54321);
        assertThat(released.storeHostAddress()).isEqualTo(original.storeHostAddress());
        assertThat(released.storeHostPort()).isEqualTo(10911);
        assertThat(released.reconsumeTimes()).isEqualTo(2);
        assertThat(released.bodyCrc()).isEqualTo(original.bodyCrc());
        assertThat(new String(released.body(), StandardCharsets.UTF_8)).isEqualTo("hello, later");
        Map<String, String> expected = new LinkedHashMap<>(userProperties());
        expected.remove("DELAY");
        expected.remove("TIMER_DELAY_SEC");
        expected.remove("TIMER_DELIVER_MS");
        assertThat(MessageProperties.parse(released.properties(), 0, released.properties().length))
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void oldClientPropertyStringsAndJunkSegments() {
        String old = "UNIQ_KEY\u0001ABC\u0002junk\u0002\u0001x\u0002DELAY\u00012\u0002TAGS\u0001T";
        byte[] kept = TimerRecords.deliverableProperties(old.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo("UNIQ_KEY\u0001ABC\u0002TAGS\u0001T\u0002");
        assertThat(TimerRecords.deliverableProperties(new byte[0])).isEmpty();
    }

    @Test
    void aRecordWithoutRealTopicIsNotParked() throws Exception {
        StoredRecord record = stored(original("Plain", Map.of("UNIQ_KEY", "X")), 0);
        assertThat(TimerRecords.deliverAtMs(record)).isEqualTo(-1);
        assertThatThrownBy(() -> TimerRecords.release(record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REAL_TOPIC");
    }
}
