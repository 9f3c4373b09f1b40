package io.ferrymq.dlq;

import static io.ferrymq.dlq.DlqFixture.BROKER;
import static io.ferrymq.dlq.DlqFixture.GROUP;
import static io.ferrymq.dlq.DlqFixture.TOPIC;
import static io.ferrymq.dlq.DlqFixture.records;
import static io.ferrymq.dlq.DlqFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.DelayLevels;
import io.ferrymq.scheduler.DelayedDelivery;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A send-back end to end over a real store: planned, parked, delivered to the retry topic by the scheduler. */
class RetryThroughSchedulerTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private MessageStore store;
    private DelayedDelivery timers;

    @BeforeEach
    void open() throws Exception {
        store = DlqFixture.open(dir.resolve("store"), clock);
        timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock);
    }

    @AfterEach
    void close() throws Exception {
        timers.close();
        store.close();
    }

    @Test
    void aFailedMessageComesBackThroughTheRetryTopicAfterTheFirstLevel() {
        AppendResult sent = DlqFixture.put(store, DlqFixture.message(TOPIC, 1, "A", "ID-A"));
        StoredRecord failed = DlqFixture.read(store, sent.physicalOffset());
        long now = clock.millis();

        SendBackDecision decision = new SendBackPlanner(DelayLevels.DEFAULT)
                .plan(failed.reconsumeTimes(), 16, 0, RetryPolicies.levels(DelayLevels.DEFAULT), now);
        assertThat(decision.deliverAtMs()).isEqualTo(now + 10_000);
        DlqFixture.put(store, RetryRecords.retry(failed, GROUP, 0, "ID-A", decision.deliverAtMs(), now, BROKER));
        until(() -> timers.stats().pending() == 1);
        assertThat(records(store, RetryTopics.retry(GROUP), 0)).isEmpty();

        clock.advanceMs(10_000);
        timers.wake();
        until(() -> records(store, RetryTopics.retry(GROUP), 0).size() == 1);

        StoredRecord retry = records(store, RetryTopics.retry(GROUP), 0).get(0);
        assertThat(DlqFixture.body(retry)).isEqualTo("A");
        assertThat(retry.reconsumeTimes()).isEqualTo(1);
        assertThat(retry.properties())
                .containsEntry("UNIQ_KEY", "ID-A")
                .containsEntry("RETRY_TOPIC", TOPIC)
                .containsEntry("ORIGIN_MESSAGE_ID", "ID-A")
                .doesNotContainKeys("REAL_TOPIC", "REAL_QID", "TIMER_OUT_MS");
    }
}
