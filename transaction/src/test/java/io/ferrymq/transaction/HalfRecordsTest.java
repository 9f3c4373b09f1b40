package io.ferrymq.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HalfRecordsTest {
    private static final long HALF_OFFSET = 4_096;
    private static final long STORE_MS = 1_767_225_600_000L;

    static StoredRecord stored(EncodableMessage message, long physicalOffset, long queueOffset) {
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        MessageRecordEncoder.encode(buffer, message, queueOffset, physicalOffset, STORE_MS);
        return new StoredRecord().wrap(buffer.flip(), 0);
    }

    private static StoredRecord half(Map<String, String> extra) {
        return stored(HalfRecords.half(TxFixture.message("Orders", 3, "body", "ID-9", extra)), HALF_OFFSET, 17);
    }

    @Test
    void halfPropertiesMarkTheMessageAndKeepItsRealTopicAndQueue() {
        byte[] given = MessageProperties.encode(Map.of("UNIQ_KEY", "ID", "PGROUP", "g"));

        byte[] half = HalfRecords.halfProperties(given, "Orders", 5);

        assertThat(MessageProperties.parse(half, 0, half.length))
                .containsEntry("UNIQ_KEY", "ID")
                .containsEntry("PGROUP", "g")
                .containsEntry("TRAN_MSG", "true")
                .containsEntry("REAL_TOPIC", "Orders")
                .containsEntry("REAL_QID", "5");
    }

    @Test
    void halfPropertiesReplaceRealTopicAndQueueAClientSentAndAccept49Strings() {
        byte[] forged =
                "REAL_TOPIC\u0001Elsewhere\u0002REAL_QID\u00019\u0002UNIQ_KEY\u0001ID".getBytes(StandardCharsets.UTF_8);

        byte[] half = HalfRecords.halfProperties(forged, "Orders", 1);

        String text = new String(half, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Elsewhere").contains("UNIQ_KEY\u0001ID\u0002");
        assertThat(MessageProperties.find(half, 0, half.length, "REAL_TOPIC")).isEqualTo("Orders");
        assertThat(MessageProperties.find(half, 0, half.length, "REAL_QID")).isEqualTo("1");
    }

    @Test
    void aHalfIsStoredUnderTheHalfTopicWithItsTransactionTypeCleared() {
        StoredRecord half = half(Map.of());

        assertThat(half.topic()).isEqualTo(HalfTopic.NAME);
        assertThat(half.queueId()).isEqualTo(HalfTopic.QUEUE_ID);
        assertThat(MessageSysFlag.transactionType(half.sysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_NOT_TYPE);
        assertThat(half.properties())
                .containsEntry("REAL_TOPIC", "Orders")
                .containsEntry("REAL_QID", "3")
                .containsEntry("TRAN_MSG", "true")
                .containsEntry("UNIQ_KEY", "ID-9");
    }

    @Test
    void theCommitIsTheSameMessageForTheRealTopicMarkedCommitted() {
        StoredRecord half = half(Map.of("CHECK_IMMUNITY_TIME_IN_SECONDS", "30"));

        EncodableMessage commit = HalfRecords.commit(half);

        assertThat(new String(commit.topic(), StandardCharsets.UTF_8)).isEqualTo("Orders");
        assertThat(commit.queueId()).isEqualTo(3);
        assertThat(commit.flag()).isEqualTo(7);
        assertThat(MessageSysFlag.transactionType(commit.sysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(commit.preparedTransactionOffset()).isEqualTo(HALF_OFFSET);
        assertThat(commit.bornTimestamp()).isEqualTo(half.bornTimestamp());
        assertThat(commit.bornHostPort()).isEqualTo(54321);
        assertThat(commit.storeHostPort()).isEqualTo(10911);
        assertThat(commit.bodyCrc()).isEqualTo(half.bodyCrc());
        assertThat(MessageProperties.parse(commit.properties(), 0, commit.properties().length))
                .doesNotContainKeys("TRAN_MSG", "REAL_TOPIC", "REAL_QID")
                .containsEntry("UNIQ_KEY", "ID-9")
                .containsEntry("PGROUP", TxFixture.GROUP)
                .containsEntry("CHECK_IMMUNITY_TIME_IN_SECONDS", "30");
    }

    @Test
    void aRecordWithoutRealTopicIsNoHalf() {
        StoredRecord plain = stored(TxFixture.message("Orders", 0, "x", "ID", Map.of()), 0, 0);

        assertThatThrownBy(() -> HalfRecords.commit(plain)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HalfRecords.checkBody(plain)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCheckBodyIsTheStoredHalfAddressedToTheRealTopic() {
        StoredRecord half = half(Map.of());

        ByteBuffer body = HalfRecords.checkBody(half);

        assertThat(StoredRecord.validate(body, 0, body.limit())).isEqualTo(body.limit());
        StoredRecord check = new StoredRecord().wrap(body, 0);
        assertThat(check.totalSize()).isEqualTo(body.limit());
        assertThat(check.topic()).isEqualTo("Orders");
        assertThat(check.queueId()).isEqualTo(3);
        assertThat(check.physicalOffset()).isEqualTo(HALF_OFFSET);
        assertThat(check.queueOffset()).isEqualTo(17);
        assertThat(check.storeTimestamp()).isEqualTo(STORE_MS);
        assertThat(check.properties())
                .containsEntry("PGROUP", TxFixture.GROUP)
                .containsEntry("UNIQ_KEY", "ID-9")
                .containsEntry("TRAN_MSG", "true");
        assertThat(TxFixture.body(check)).isEqualTo("body");
    }
}
