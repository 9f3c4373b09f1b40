package io.ferrymq.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerRecords;
import io.ferrymq.scheduler.TimerTopic;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryRecordsTest {
    private static final long NOW = 1_767_225_600_000L;
    private static final String UNIQ = "7F0000010001B4AAC6A31F5A5C9B0000";
    private static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 10911);

    static Map<String, String> sentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("UNIQ_KEY", UNIQ);
        properties.put("KEYS", "order-1");
        properties.put("TAGS", "TagA");
        properties.put("WAIT", "true");
        properties.put("DELAY", "2");
        properties.put("TIMER_DELIVER_MS", "123");
        properties.put("color", "blue");
        return properties;
    }

    static StoredRecord stored(EncodableMessage message, long physicalOffset) {
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, 7, physicalOffset, NOW - 5_000);
        return new StoredRecord().wrap(buffer, 0);
    }

    static StoredRecord failed(Map<String, String> properties, int reconsumeTimes) throws Exception {
        EncodableMessage message = EncodableMessage.builder()
                .topic("Orders")
                .queueId(3)
                .flag(7)
                .sysFlag(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.TRANSACTION_COMMIT_TYPE)
                .bornTimestamp(1_700_000_000_123L)
                .bornHost(new InetSocketAddress(InetAddress.getByName("::1"), 54321))
                .storeHost(new InetSocketAddress(InetAddress.getByName("10.0.0.9"), 10911))
                .reconsumeTimes(reconsumeTimes)
                .preparedTransactionOffset(4096)
                .body("not really compressed".getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
        return stored(message, 8192);
    }

    static Map<String, String> properties(EncodableMessage message) {
        return MessageProperties.parse(message.properties(), 0, message.properties().length);
    }

    @Test
    void retryDueNowKeepsTheMessageAndAddsRetryProperties() throws Exception {
        StoredRecord failed = failed(sentProperties(), 2);
        EncodableMessage retry = RetryRecords.retry(failed, "cg", 0, "ORIGIN-1", NOW, NOW, BROKER);

        assertThat(new String(retry.topic(), StandardCharsets.UTF_8)).isEqualTo("%RETRY%cg");
        assertThat(retry.queueId()).isZero();
        assertThat(retry.reconsumeTimes()).isEqualTo(3);
        assertThat(retry.flag()).isEqualTo(7);
        assertThat(retry.sysFlag() & ~MessageSysFlag.BORNHOST_V6_FLAG)
                .isEqualTo(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(MessageSysFlag.isBornHostV6(retry.sysFlag())).isTrue();
        assertThat(retry.bornTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(retry.bornHostAddress()).hasSize(16);
        assertThat(retry.bornHostPort()).isEqualTo(54321);
        assertThat(retry.storeHostAddress()).containsExactly(127, 0, 0, 1);
        assertThat(retry.storeHostPort()).isEqualTo(10911);
        assertThat(retry.preparedTransactionOffset()).isZero();
        assertThat(new String(retry.body(), StandardCharsets.UTF_8)).isEqualTo("not really compressed");
        assertThat(retry.bodyCrc()).isEqualTo(failed.bodyCrc());

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("UNIQ_KEY", UNIQ);
        expected.put("KEYS", "order-1");
        expected.put("TAGS", "TagA");
        expected.put("WAIT", "false");
        expected.put("color", "blue");
        expected.put("RETRY_TOPIC", "Orders");
        expected.put("ORIGIN_MESSAGE_ID", "ORIGIN-1");
        expected.put("RECONSUME_TIME", Integer.toString(retry.reconsumeTimes()));
        assertThat(properties(retry)).containsExactlyEntriesOf(expected);
    }

    @Test
    void aSecondRetryKeepsTheFirstOriginAndTopic() throws Exception {
        EncodableMessage first = RetryRecords.retry(failed(sentProperties(), 0), "cg", 0, "ORIGIN-1", NOW, NOW, BROKER);
        StoredRecord retried = stored(first, 16384);
        assertThat(retried.topic()).isEqualTo("%RETRY%cg");

        EncodableMessage second = RetryRecords.retry(retried, "cg", 1, UNIQ, NOW, NOW, BROKER);
        assertThat(second.reconsumeTimes()).isEqualTo(2);
        assertThat(second.queueId()).isEqualTo(1);
        assertThat(properties(second))
                .containsEntry("ORIGIN_MESSAGE_ID", "ORIGIN-1")
                .containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("UNIQ_KEY", UNIQ);
    }

    @Test
    void aDelayedRetryIsParkedForTheScheduler() throws Exception {
        StoredRecord failed = failed(sentProperties(), 0);
        EncodableMessage parked = RetryRecords.retry(failed, "cg", 2, null, NOW + 10_000, NOW, BROKER);

        assertThat(new String(parked.topic(), StandardCharsets.UTF_8)).isEqualTo(TimerTopic.NAME);
        assertThat(parked.queueId()).isEqualTo(TimerTopic.QUEUE_ID);
        assertThat(properties(parked))
                .containsEntry("REAL_TOPIC", "%RETRY%cg")
                .containsEntry("REAL_QID", "2")
                .containsEntry("TIMER_OUT_MS", String.valueOf(NOW + 10_000))
                .containsEntry("ORIGIN_MESSAGE_ID", UNIQ)
                .doesNotContainKeys("DELAY", "TIMER_DELIVER_MS");

        StoredRecord parkedRecord = stored(parked, 32768);
        assertThat(TimerRecords.deliverAtMs(parkedRecord)).isEqualTo(NOW + 10_000);
        EncodableMessage released = TimerRecords.release(parkedRecord);
        assertThat(new String(released.topic(), StandardCharsets.UTF_8)).isEqualTo("%RETRY%cg");
        assertThat(released.queueId()).isEqualTo(2);
        assertThat(released.reconsumeTimes()).isEqualTo(1);
        assertThat(properties(released))
                .containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("UNIQ_KEY", UNIQ)
                .doesNotContainKeys("REAL_TOPIC", "REAL_QID", "TIMER_OUT_MS");
    }

    @Test
    void aDeadLetterNamesItsOrigin() throws Exception {
        StoredRecord failed = failed(sentProperties(), 16);
        EncodableMessage dead = RetryRecords.deadLetter(failed, "cg", UNIQ, BROKER);

        assertThat(new String(dead.topic(), StandardCharsets.UTF_8)).isEqualTo("%DLQ%cg");
        assertThat(dead.queueId()).isEqualTo(RetryTopics.DLQ_QUEUE_ID);
        assertThat(dead.reconsumeTimes()).isEqualTo(17);
        assertThat(dead.bodyCrc()).isEqualTo(failed.bodyCrc());
        assertThat(properties(dead))
                .containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("ORIGIN_MESSAGE_ID", UNIQ)
                .containsEntry("DLQ_ORIGIN_TOPIC", "Orders")
                .containsEntry("DLQ_ORIGIN_MESSAGE_ID", UNIQ)
                .containsEntry("UNIQ_KEY", UNIQ)
                .containsEntry("WAIT", "false")
                .doesNotContainKeys("DELAY", "TIMER_DELIVER_MS", "REAL_TOPIC");
    }

    @Test
    void aDeadRetryNamesTheOriginalTopicNotTheRetryTopic() throws Exception {
        EncodableMessage first = RetryRecords.retry(failed(sentProperties(), 0), "cg", 0, "ORIGIN-1", NOW, NOW, BROKER);
        EncodableMessage dead = RetryRecords.deadLetter(stored(first, 16384), "cg", UNIQ, BROKER);
        assertThat(properties(dead))
                .containsEntry("DLQ_ORIGIN_TOPIC", "Orders")
                .containsEntry("ORIGIN_MESSAGE_ID", "ORIGIN-1")
                .containsEntry("DLQ_ORIGIN_MESSAGE_ID", UNIQ);
    }

    @Test
    void withoutAnyIdTheOffsetMessageIdIsTheOrigin() throws Exception {
        Map<String, String> noKey = sentProperties();
        noKey.remove("UNIQ_KEY");
        StoredRecord failed = failed(noKey, 0);
        EncodableMessage retry = RetryRecords.retry(failed, "cg", 0, null, NOW, NOW, BROKER);
        assertThat(properties(retry)).containsEntry("ORIGIN_MESSAGE_ID", failed.offsetMessageId());
        EncodableMessage dead = RetryRecords.deadLetter(failed, "cg", " ", BROKER);
        assertThat(properties(dead)).containsEntry("DLQ_ORIGIN_MESSAGE_ID", failed.offsetMessageId());
    }

    @Test
    void aClientRetryPastItsLimitGetsDeadLetterProperties() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("UNIQ_KEY", UNIQ);
        sent.put("RETRY_TOPIC", "Orders");
        sent.put("ORIGIN_MESSAGE_ID", "FIRST");
        sent.put("DELAY", "5");
        byte[] properties = RetryRecords.deadLetterProperties(MessageProperties.encode(sent), "%RETRY%cg");
        assertThat(MessageProperties.parse(properties, 0, properties.length))
                .containsEntry("RETRY_TOPIC", "Orders")
                .containsEntry("ORIGIN_MESSAGE_ID", "FIRST")
                .containsEntry("DLQ_ORIGIN_TOPIC", "Orders")
                .containsEntry("DLQ_ORIGIN_MESSAGE_ID", UNIQ)
                .containsEntry("WAIT", "false")
                .doesNotContainKey("DELAY");

        byte[] bare = RetryRecords.deadLetterProperties(new byte[0], "%RETRY%cg");
        assertThat(MessageProperties.parse(bare, 0, bare.length))
                .containsEntry("RETRY_TOPIC", "%RETRY%cg")
                .containsEntry("DLQ_ORIGIN_TOPIC", "%RETRY%cg")
                .doesNotContainKeys("ORIGIN_MESSAGE_ID", "DLQ_ORIGIN_MESSAGE_ID");
    }
}
