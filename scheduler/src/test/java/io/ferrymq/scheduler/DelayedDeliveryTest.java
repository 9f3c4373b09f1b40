package io.ferrymq.scheduler;

import static io.ferrymq.scheduler.SchedulerFixture.bodies;
import static io.ferrymq.scheduler.SchedulerFixture.park;
import static io.ferrymq.scheduler.SchedulerFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DelayedDelivery} over a real store, driven by a manual clock. */
class DelayedDeliveryTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final long t0 = clock.millis();
    private MessageStore store;
    private DelayedDelivery timers;

    @BeforeEach
    void open() throws Exception {
        store = SchedulerFixture.open(dir.resolve("store"));
    }

    @AfterEach
    void close() throws Exception {
        if (timers != null) {
            timers.close();
        }
        store.close();
    }

    private void start(TimerConfig config) {
        timers = DelayedDelivery.start(store, config, clock);
    }

    /** Moves the clock to t0 + {@code ms} and waits until the driver has handled that time. */
    private void advanceTo(long ms) {
        clock.advanceMs(t0 + ms - clock.millis());
        timers.wake();
        until(() -> timers.processedThroughMs() >= clock.millis());
        SchedulerFixture.awaitDispatched(store);
    }

    private void awaitPending(long pending) {
        until(() -> timers.stats().pending() == pending);
    }

    @Test
    void deliversEachMessageAtItsTimeNeverEarlyAndInOrder() {
        start(TimerConfig.defaults());
        park(store, "Orders", 2, "A", t0 + 3_000);
        park(store, "Orders", 2, "B", t0 + 1_000);
        park(store, "Orders", 2, "C", t0 + 2_000);
        park(store, "Orders", 2, "D", t0 + 1_000);
        awaitPending(4);
        until(() -> timers.loadedThroughMs() > t0 + 3_000);
        assertThat(timers.stats().wheelEntries()).isEqualTo(4);

        advanceTo(999);
        assertThat(bodies(store, "Orders", 2)).isEmpty();
        advanceTo(1_000);
        until(() -> bodies(store, "Orders", 2).size() == 2);
        assertThat(bodies(store, "Orders", 2)).containsExactly("B", "D");
        advanceTo(1_999);
        assertThat(bodies(store, "Orders", 2)).hasSize(2);
        advanceTo(2_000);
        until(() -> bodies(store, "Orders", 2).size() == 3);
        advanceTo(5_000);
        until(() -> bodies(store, "Orders", 2).size() == 4);
        assertThat(bodies(store, "Orders", 2)).containsExactly("B", "D", "C", "A");
        awaitPending(0);

        TimerStats stats = timers.stats();
        assertThat(stats.firedTotal()).isEqualTo(4);
        assertThat(stats.wheelEntries()).isZero();
        assertThat(stats.nextDueMs()).isEqualTo(-1);
        assertThat(stats.lateness().count()).isEqualTo(4);
        assertThat(stats.lateness().atMost1ms()).isEqualTo(3);
        assertThat(stats.lateness().over1000ms()).isEqualTo(1);
        assertThat(stats.lateness().p50Ms()).isZero();
        assertThat(stats.lateness().maxMs()).isEqualTo(2_000);
        assertThat(store.maxOffset(TimerTopic.NAME, 0)).isEqualTo(4);
    }

    @Test
    void aReleasedMessageKeepsItsIdAndLosesItsDelayProperties() {
        start(TimerConfig.defaults());
        park(store, "Orders", 1, "M1", t0 + 50);
        awaitPending(1);
        advanceTo(50);
        until(() -> bodies(store, "Orders", 1).size() == 1);
        StoredRecord released = SchedulerFixture.records(store, "Orders", 1).get(0);
        assertThat(released.topic()).isEqualTo("Orders");
        assertThat(released.queueId()).isEqualTo(1);
        assertThat(released.verifyBodyCrc()).isTrue();
        Map<String, String> properties = released.properties();
        assertThat(properties)
                .containsEntry("UNIQ_KEY", "M1")
                .containsEntry("TAGS", "tag")
                .doesNotContainKeys("REAL_TOPIC", "REAL_QID", "TIMER_OUT_MS", "TIMER_DELAY_MS", "DELAY");
        assertThat(store.byUniqueId("Orders", "M1")).isNotNull();
    }

    @Test
    void aTimeInThePastIsDeliveredAtOnce() {
        start(TimerConfig.defaults());
        park(store, "Orders", 0, "late", t0 - 60_000);
        until(() -> bodies(store, "Orders", 0).size() == 1);
        awaitPending(0);
    }

    @Test
    void farFutureTimersStayOnDiskUntilTheirWindowComes() {
        start(TimerConfig.defaults());
        long at = t0 + 3_600_000;
        for (int i = 0; i < 1_000; i++) {
            park(store, "Later", 0, "m" + i, at + i);
        }
        awaitPending(1_000);
        assertThat(timers.stats().wheelEntries()).isZero();
        assertThat(timers.stats().nextDueMs()).isEqualTo(at);
        assertThat(timers.stats().pendingByDue().within1h()).isEqualTo(1);
        assertThat(timers.stats().pendingByDue().within1d()).isEqualTo(999);

        advanceTo(3_600_000 - 40_000);
        until(() -> timers.stats().wheelEntries() == 1_000);
        advanceTo(3_600_000 + 499);
        until(() -> bodies(store, "Later", 0).size() == 500);
        advanceTo(3_600_000 + 2_000);
        until(() -> bodies(store, "Later", 0).size() == 1_000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            expected.add("m" + i);
        }
        assertThat(bodies(store, "Later", 0)).isEqualTo(expected);
    }

    @Test
    void theWheelCapKeepsTheRestOnDisk() {
        start(TimerConfig.defaults().withWheel(60_000, 100).withBatches(50, 16, 1024, 64));
        for (int i = 0; i < 1_000; i++) {
            park(store, "Capped", 0, "m" + i, t0 + 1_000 + i * 5L);
        }
        awaitPending(1_000);
        assertThat(timers.stats().wheelEntries()).isBetween(100L, 116L);
        for (long ms = 1_000; ms <= 6_000; ms += 250) {
            advanceTo(ms);
            assertThat(timers.stats().wheelEntries()).isLessThanOrEqualTo(116L);
        }
        until(() -> bodies(store, "Capped", 0).size() == 1_000);
        List<String> got = bodies(store, "Capped", 0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(got.get(i)).isEqualTo("m" + i);
        }
    }

    @Test
    void cancelsByMessageId() {
        start(TimerConfig.defaults());
        park(store, "Orders", 0, "soon", t0 + 5_000);
        park(store, "Orders", 0, "later", t0 + 7_200_000);
        park(store, "Orders", 0, "fired", t0 + 100);
        park(store, "Orders", 0, "kept", t0 + 6_000);
        awaitPending(4);
        until(() -> timers.loadedThroughMs() > t0 + 6_000);

        assertThat(timers.cancel("soon")).isTrue();
        assertThat(timers.cancel("soon")).isFalse();
        assertThat(timers.cancel("later")).isTrue();
        assertThat(timers.cancel("nobody")).isFalse();
        advanceTo(100);
        until(() -> bodies(store, "Orders", 0).size() == 1);
        assertThat(timers.cancel("fired")).isFalse();
        awaitPending(1);
        assertThat(timers.stats().cancelledTotal()).isEqualTo(2);

        advanceTo(7_300_000);
        until(() -> timers.stats().pending() == 0);
        assertThat(bodies(store, "Orders", 0)).containsExactly("fired", "kept");
        assertThat(timers.stats().firedTotal()).isEqualTo(2);
    }

    @Test
    void statsCountPendingTimersByDueTime() {
        start(TimerConfig.defaults());
        long[] ahead = {500, 5_000, 30_000, 300_000, 1_800_000, 5 * 3_600_000L, 3 * 86_400_000L};
        for (int i = 0; i < ahead.length; i++) {
            park(store, "Stats", 0, "s" + i, t0 + ahead[i]);
        }
        awaitPending(ahead.length);
        TimerStats stats = timers.stats();
        assertThat(stats.pendingByDue()).isEqualTo(new TimerStats.DueBuckets(1, 1, 1, 1, 1, 1, 1, false));
        assertThat(stats.nextDueMs()).isEqualTo(t0 + 500);
        assertThat(stats.retentionFloorOffset()).isZero();
        assertThat(stats.lostTotal()).isZero();
    }
}
