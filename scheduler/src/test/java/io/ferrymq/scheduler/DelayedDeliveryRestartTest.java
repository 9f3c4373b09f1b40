package io.ferrymq.scheduler;

import static io.ferrymq.scheduler.SchedulerFixture.bodies;
import static io.ferrymq.scheduler.SchedulerFixture.park;
import static io.ferrymq.scheduler.SchedulerFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.internal.TimerIndex;
import io.ferrymq.scheduler.internal.TimerIndexLayout;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Closing and reopening store and {@link DelayedDelivery} with timers pending, and what a crash can
 * leave behind.
 */
class DelayedDeliveryRestartTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final long t0 = clock.millis();

    private Path root() {
        return dir.resolve("store");
    }

    @Test
    void pendingTimersSurviveARestartAndThoseDueMeanwhileGoFirstOldestFirst() throws Exception {
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            park(store, "Orders", 0, "B", t0 + 20_000);
            park(store, "Orders", 0, "C", t0 + 40_000);
            park(store, "Orders", 0, "A", t0 + 10_000);
            park(store, "Orders", 0, "D", t0 + 15_000);
            until(() -> timers.stats().pending() == 4);
        }
        clock.advanceMs(30_000);
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            until(() -> bodies(store, "Orders", 0).size() == 3);
            assertThat(bodies(store, "Orders", 0)).containsExactly("A", "D", "B");
            until(() -> timers.stats().pending() == 1);
            timers.wake();
            until(() -> timers.processedThroughMs() >= clock.millis());
            SchedulerFixture.awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).hasSize(3);

            clock.advanceMs(10_000);
            timers.wake();
            until(() -> bodies(store, "Orders", 0).size() == 4);
            until(() -> timers.stats().pending() == 0);
            TimerStats stats = timers.stats();
            assertThat(stats.firedTotal()).isEqualTo(4);
            assertThat(stats.duplicatesAvoided()).isZero();
            assertThat(stats.possibleDuplicates()).isZero();
            assertThat(stats.lateness().maxMs()).isEqualTo(20_000);
        }
    }

    @Test
    void timersParkedWhileTheServiceWasDownAreIndexedAtStart() throws Exception {
        try (MessageStore store = SchedulerFixture.open(root())) {
            park(store, "Orders", 0, "early", t0 + 1_000);
            park(store, "Orders", 0, "late", t0 + 90_000);
        }
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            until(() -> timers.stats().pending() == 2);
            clock.advanceMs(100_000);
            timers.wake();
            until(() -> bodies(store, "Orders", 0).size() == 2);
            assertThat(bodies(store, "Orders", 0)).containsExactly("early", "late");
        }
    }

    /**
     * A crash between a timer's append and the deletion of its index entry: the message is already
     * in its real topic, the index still holds the timer, and the fire fence had moved past it.
     */
    @Test
    void aTimerDeliveredJustBeforeACrashIsNotDeliveredAgain() throws Exception {
        long landed;
        long noId;
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            landed = park(store, "Orders", 0, "landed", t0 + 1_000);
            park(store, "Orders", 0, "not-landed", t0 + 1_001);
            noId = park(store, SchedulerFixture.message("Orders", 1, "no-id", null), t0 + 1_002);
            until(() -> timers.stats().pending() == 3);
        }
        try (MessageStore store = SchedulerFixture.open(root())) {
            SchedulerFixture.awaitDispatched(store);
            for (long offset : new long[] {landed, noId}) {
                StoredRecord parked = new StoredRecord().wrap(store.byPhysicalOffset(offset), 0);
                store.put(new MessageRecord(TimerRecords.release(parked))).join();
            }
            new TimerIndex(store.storeDb()).writeFence(t0 + 1_100);
        }
        clock.advanceMs(5_000);
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            until(() -> timers.stats().pending() == 0);
            SchedulerFixture.awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).containsExactly("landed", "not-landed");
            assertThat(bodies(store, "Orders", 1)).containsExactly("no-id", "no-id");
            TimerStats stats = timers.stats();
            assertThat(stats.duplicatesAvoided()).isEqualTo(1);
            assertThat(stats.possibleDuplicates()).isEqualTo(1);
            assertThat(stats.firedTotal()).isEqualTo(2);
        }
    }

    @Test
    void timersAfterTheFenceAreNotChecked() throws Exception {
        long offset;
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            offset = park(store, SchedulerFixture.message("Orders", 0, "no-id", null), t0 + 1_000);
            until(() -> timers.stats().pending() == 1);
        }
        clock.advanceMs(5_000);
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            until(() -> timers.stats().pending() == 0);
            assertThat(timers.stats().possibleDuplicates()).isZero();
            assertThat(timers.stats().firedTotal()).isEqualTo(1);
            assertThat(offset).isNotNegative();
        }
    }

    @Test
    void aLostIndexIsRebuiltFromTheTimerTopicWithoutDeliveringTwice() throws Exception {
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            park(store, "Orders", 0, "one", t0 + 1_000);
            park(store, "Orders", 0, "two", t0 + 2_000);
            park(store, "Orders", 0, "three", t0 + 60_000);
            until(() -> timers.stats().pending() == 3);
            clock.advanceMs(2_000);
            timers.wake();
            until(() -> timers.stats().pending() == 1);
        }
        try (MessageStore store = SchedulerFixture.open(root())) {
            ColumnFamilyHandle family = store.storeDb().family(TimerIndexLayout.FAMILY);
            store.storeDb().rocksDb().deleteRange(family, new byte[] {0}, new byte[] {(byte) 0xFF, (byte) 0xFF});
        }
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            until(() -> timers.stats().duplicatesAvoided() == 2);
            until(() -> timers.stats().pending() == 1);
            clock.advanceMs(60_000);
            timers.wake();
            until(() -> timers.stats().pending() == 0);
            SchedulerFixture.awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void cancellationsAndCountersAreDurable() throws Exception {
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            park(store, "Orders", 0, "x", t0 + 1_000);
            park(store, "Orders", 0, "y", t0 + 2_000);
            until(() -> timers.stats().pending() == 2);
            assertThat(timers.cancel("x")).isTrue();
            until(() -> timers.stats().pending() == 1);
        }
        clock.advanceMs(10_000);
        try (MessageStore store = SchedulerFixture.open(root());
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            until(() -> timers.stats().pending() == 0);
            assertThat(bodies(store, "Orders", 0)).containsExactly("y");
            assertThat(timers.stats().cancelledTotal()).isEqualTo(1);
            assertThat(timers.stats().firedTotal()).isEqualTo(1);
            assertThat(timers.cancel("x")).isFalse();
        }
    }
}
