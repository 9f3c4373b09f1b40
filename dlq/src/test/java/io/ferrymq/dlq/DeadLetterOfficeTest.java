package io.ferrymq.dlq;

import static io.ferrymq.dlq.DlqFixture.GROUP;
import static io.ferrymq.dlq.DlqFixture.TOPIC;
import static io.ferrymq.dlq.DlqFixture.body;
import static io.ferrymq.dlq.DlqFixture.deadLetter;
import static io.ferrymq.dlq.DlqFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dead-letter tools over a real store and RocksDB, with store times from a manual clock. */
class DeadLetterOfficeTest {
    private static final QueueChooser QUEUE_2 = topic -> 2;
    private static final double FAST = 10_000;

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final long t0 = clock.millis();
    private MessageStore store;
    private DeadLetterOffice office;

    @BeforeEach
    void open() throws Exception {
        store = DlqFixture.open(dir.resolve("store"), clock);
        office = DeadLetterOffice.start(store, clock);
    }

    @AfterEach
    void close() throws Exception {
        office.close();
        store.close();
    }

    private void reopen() throws Exception {
        close();
        open();
    }

    private List<ReplayResult> replay(List<String> ids, ReplayTarget target) {
        return office.replay(GROUP, ids, target, FAST, QUEUE_2);
    }

    @Test
    void listsByStoreTimeRangeOldestFirst() {
        String a = deadLetter(store, "A");
        clock.advanceMs(1_000);
        String b = deadLetter(store, "B");
        clock.advanceMs(1_000);
        String c = deadLetter(store, "C");

        assertThat(office.list(GROUP, t0, t0 + 2_000, 100))
                .extracting(DeadLetter::msgId)
                .containsExactly(a, b, c);
        assertThat(office.list(GROUP, t0 + 500, t0 + 1_500, 100))
                .extracting(DeadLetter::msgId)
                .containsExactly(b);
        assertThat(office.list(GROUP, t0 + 1_000, t0 + 5_000, 100))
                .extracting(DeadLetter::msgId)
                .containsExactly(b, c);
        assertThat(office.list(GROUP, t0, t0 + 2_000, 2))
                .extracting(DeadLetter::msgId)
                .containsExactly(a, b);
        assertThat(office.list(GROUP, t0 + 3_000, t0 + 9_000, 100)).isEmpty();
        assertThat(office.list("other", t0, t0 + 9_000, 100)).isEmpty();
        assertThatThrownBy(() -> office.list(GROUP, t0, t0, 0)).isInstanceOf(IllegalArgumentException.class);

        DeadLetter first = office.list(GROUP, t0, t0, 1).get(0);
        assertThat(first.group()).isEqualTo(GROUP);
        assertThat(first.queueOffset()).isZero();
        assertThat(first.originTopic()).isEqualTo(TOPIC);
        assertThat(first.originMsgId()).isEqualTo(a);
        assertThat(first.reconsumeTimes()).isEqualTo(1);
        assertThat(first.storeTimeMs()).isEqualTo(t0);
        assertThat(first.bornTimeMs()).isEqualTo(1_700_000_000_000L);
        assertThat(first.bodySizeBytes()).isEqualTo(1);
        assertThat(first.body()).as("lists carry no bodies").isNull();
        assertThat(first.properties())
                .containsEntry("DLQ_ORIGIN_TOPIC", TOPIC)
                .containsEntry("UNIQ_KEY", a)
                .containsEntry("KEYS", "key-A");
        assertThat(first.replayed()).isFalse();
        assertThat(first.replayedTo()).isNull();
    }

    @Test
    void viewsOneByIdOrQueueOffset() {
        deadLetter(store, "A");
        String b = deadLetter(store, "B");

        DeadLetter byId = office.view(GROUP, b).orElseThrow();
        assertThat(new String(byId.body(), StandardCharsets.UTF_8)).isEqualTo("B");
        assertThat(byId.queueOffset()).isEqualTo(1);

        DeadLetter byOffset = office.view(GROUP, 1L).orElseThrow();
        assertThat(byOffset.msgId()).isEqualTo(b);
        assertThat(new String(byOffset.body(), StandardCharsets.UTF_8)).isEqualTo("B");

        StoredRecord stored = records(store, RetryTopics.dlq(GROUP), 0).get(1);
        assertThat(office.view(GROUP, stored.offsetMessageId()).orElseThrow().msgId())
                .as("an offset message id finds it too")
                .isEqualTo(b);

        assertThat(office.view(GROUP, "ID-nope")).isEmpty();
        assertThat(office.view(GROUP, 2L)).isEmpty();
        assertThat(office.view("other", b)).isEmpty();
        String ordersOffsetId = records(store, TOPIC, 1).get(0).offsetMessageId();
        assertThat(office.view(GROUP, ordersOffsetId))
                .as("not a dead letter of this group")
                .isEmpty();
    }

    @Test
    void replaysToTheOriginalTopicOnceWithTheOriginalId() {
        String a = deadLetter(store, "A");
        clock.advanceMs(5_000);

        ReplayResult first = replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0);
        assertThat(first.status()).isEqualTo(ReplayStatus.REPLAYED);
        assertThat(first.targetTopic()).isEqualTo(TOPIC);
        assertThat(first.queueOffset()).isZero();

        List<StoredRecord> replayed = records(store, TOPIC, 2);
        assertThat(replayed).hasSize(1);
        StoredRecord record = replayed.get(0);
        assertThat(record.physicalOffset()).isEqualTo(first.physicalOffset());
        assertThat(body(record)).isEqualTo("A");
        assertThat(record.reconsumeTimes()).isZero();
        assertThat(record.queueId()).isEqualTo(2);
        assertThat(record.bornTimestamp()).isEqualTo(1_700_000_000_000L);
        Map<String, String> properties = record.properties();
        assertThat(properties)
                .containsEntry("UNIQ_KEY", a)
                .containsEntry("RETRY_TOPIC", TOPIC)
                .containsEntry("KEYS", "key-A")
                .doesNotContainKeys("DLQ_ORIGIN_TOPIC", "DLQ_ORIGIN_MESSAGE_ID");

        ReplayResult again = replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0);
        assertThat(again.status()).isEqualTo(ReplayStatus.ALREADY_REPLAYED);
        assertThat(again.physicalOffset()).isEqualTo(first.physicalOffset());
        assertThat(replay(List.of(a), ReplayTarget.RETRY_TOPIC).get(0).status())
                .as("a replayed dead letter is not replayed elsewhere either")
                .isEqualTo(ReplayStatus.ALREADY_REPLAYED);
        assertThat(records(store, TOPIC, 2)).hasSize(1);
        assertThat(records(store, RetryTopics.retry(GROUP), 2)).isEmpty();

        DeadLetter shown = office.view(GROUP, a).orElseThrow();
        assertThat(shown.replayed()).isTrue();
        assertThat(shown.replayedAtMs()).isEqualTo(t0 + 5_000);
        assertThat(shown.replayedTo()).isEqualTo(TOPIC);
    }

    @Test
    void replaysToTheRetryTopic() {
        String a = deadLetter(store, "A");
        ReplayResult result = replay(List.of(a), ReplayTarget.RETRY_TOPIC).get(0);
        assertThat(result.status()).isEqualTo(ReplayStatus.REPLAYED);
        assertThat(result.targetTopic()).isEqualTo("%RETRY%cg");

        List<StoredRecord> retried = records(store, "%RETRY%cg", 2);
        assertThat(retried).hasSize(1);
        assertThat(retried.get(0).reconsumeTimes()).isZero();
        assertThat(retried.get(0).properties())
                .containsEntry("UNIQ_KEY", a)
                .containsEntry("RETRY_TOPIC", TOPIC)
                .doesNotContainKeys("DLQ_ORIGIN_TOPIC", "DLQ_ORIGIN_MESSAGE_ID");
        assertThat(records(store, TOPIC, 2)).isEmpty();
    }

    @Test
    void everyIdGetsAResultInOrder() {
        String a = deadLetter(store, "A");
        String b = deadLetter(store, "B");
        List<ReplayResult> results = replay(List.of(a, "ID-missing", a, b), ReplayTarget.ORIGINAL_TOPIC);
        assertThat(results).extracting(ReplayResult::msgId).containsExactly(a, "ID-missing", a, b);
        assertThat(results)
                .extracting(ReplayResult::status)
                .containsExactly(
                        ReplayStatus.REPLAYED,
                        ReplayStatus.NOT_FOUND,
                        ReplayStatus.ALREADY_REPLAYED,
                        ReplayStatus.REPLAYED);
        assertThat(records(store, TOPIC, 2)).extracting(DlqFixture::body).containsExactly("A", "B");
    }

    @Test
    void aFailedChoiceOfQueueReplaysNothingAndCanBeRetried() {
        String a = deadLetter(store, "A");
        QueueChooser unknown = topic -> {
            throw new IllegalStateException("topic " + topic + " is not writable");
        };
        ReplayResult failed = office.replay(GROUP, List.of(a), ReplayTarget.ORIGINAL_TOPIC, FAST, unknown)
                .get(0);
        assertThat(failed.status()).isEqualTo(ReplayStatus.FAILED);
        assertThat(failed.reason()).contains("not writable");
        assertThat(office.view(GROUP, a).orElseThrow().replayed()).isFalse();

        assertThat(replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0).status())
                .isEqualTo(ReplayStatus.REPLAYED);
        assertThat(records(store, TOPIC, 2)).hasSize(1);
    }

    @Test
    void aMessageThatDiesAgainAfterItsReplayCanBeReplayedAgain() {
        String a = deadLetter(store, "A");
        ReplayResult first = replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0);
        StoredRecord replayed = DlqFixture.read(store, first.physicalOffset());
        DlqFixture.put(store, RetryRecords.deadLetter(replayed, GROUP, a, DlqFixture.BROKER));
        DlqFixture.awaitDispatched(store);

        DeadLetter newest = office.view(GROUP, a).orElseThrow();
        assertThat(newest.queueOffset()).isEqualTo(1);
        assertThat(newest.replayed()).isFalse();
        ReplayResult second = replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0);
        assertThat(second.status()).isEqualTo(ReplayStatus.REPLAYED);
        assertThat(second.physicalOffset()).isGreaterThan(first.physicalOffset());
        assertThat(records(store, TOPIC, 2)).hasSize(2);
    }

    @Test
    void appendsArePacedToTheRate() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(deadLetter(store, "M" + i));
        }
        long started = System.nanoTime();
        List<ReplayResult> results = office.replay(GROUP, ids, ReplayTarget.ORIGINAL_TOPIC, 20, QUEUE_2);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(results).extracting(ReplayResult::status).containsOnly(ReplayStatus.REPLAYED);
        // 6 permits at 20/s: the first at once, then one every 50 ms
        assertThat(elapsedMs).isBetween(200L, 10_000L);
        assertThatThrownBy(() -> office.replay(GROUP, ids, ReplayTarget.ORIGINAL_TOPIC, 0, QUEUE_2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permitsPerSecond");
    }

    @Test
    void countsAndReplayStateSurviveAReopen() throws Exception {
        String a = deadLetter(store, "A");
        office.recordDeadLettered(GROUP);
        office.recordDeadLettered(GROUP);
        office.recordDeadLettered(GROUP);
        office.recordDeadLettered("other");
        ReplayResult first = replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0);
        assertThat(office.deadLetterCounts()).containsExactly(Map.entry(GROUP, 3L), Map.entry("other", 1L));

        reopen();

        assertThat(office.deadLetterCounts()).containsExactly(Map.entry(GROUP, 3L), Map.entry("other", 1L));
        assertThat(office.deadLetterCount(GROUP)).isEqualTo(3);
        assertThat(office.deadLetterCount("none")).isZero();
        office.recordDeadLettered("other");
        assertThat(office.deadLetterCount("other")).isEqualTo(2);

        ReplayResult again = replay(List.of(a), ReplayTarget.ORIGINAL_TOPIC).get(0);
        assertThat(again.status()).isEqualTo(ReplayStatus.ALREADY_REPLAYED);
        assertThat(again.physicalOffset()).isEqualTo(first.physicalOffset());
        assertThat(records(store, TOPIC, 2)).hasSize(1);
    }

    @Test
    void aClosedServiceRefuses() {
        office.close();
        assertThatThrownBy(() -> office.recordDeadLettered(GROUP)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> office.list(GROUP, 0, 1, 1)).isInstanceOf(IllegalStateException.class);
    }
}
