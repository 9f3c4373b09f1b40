package io.ferrymq.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.scheduler.TimerRecords;
import io.ferrymq.scheduler.TimerTopic;
import io.ferrymq.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/** The parts stepped by hand (no threads): index agent steps, driver steps, a manual clock. */
class TimerPartsTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final long t0 = clock.millis();
    private MessageStore store;

    @BeforeEach
    void open() throws Exception {
        store = MessageStore.open(
                StoreConfig.defaults(dir).withCommitLogSegmentSize(1 << 20), Clock.systemUTC(), d -> 0.1);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private AppendResult park(String uniqKey, long deliverAtMs) {
        EncodableMessage message = EncodableMessage.builder()
                .topic("Orders")
                .body(uniqKey.getBytes(StandardCharsets.UTF_8))
                .properties(Map.of("UNIQ_KEY", uniqKey))
                .build();
        AppendResult result = store.put(new MessageRecord(TimerRecords.schedule(message, deliverAtMs)))
                .join();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.dispatchedOffset() >= store.commitLog().writtenOffset());
        return result;
    }

    private static void steps(TimerParts parts, int count) {
        for (int i = 0; i < count; i++) {
            parts.agent().doWork();
            parts.driver().step();
        }
    }

    @Test
    void aCancellationBeforeIndexingIsDurableAndHonouredByTheIndexer() {
        AppendResult parked = park("w", t0 + 1_000);
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock)) {
            CancelRequest first = parts.cancel(t0 + 1_000, parked.physicalOffset(), parked.queueOffset());
            CancelRequest second = parts.cancel(t0 + 1_000, parked.physicalOffset(), parked.queueOffset());
            parts.agent().doWork();
            assertThat(first.result().getNow(null)).isTrue();
            assertThat(second.result().getNow(null)).isFalse();
            assertThat(parts.agent().progress()).isEqualTo(1);
            assertThat(parts.index().entries(10)).isEmpty();
        }
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock)) {
            assertThat(parts.counters().cancelled()).isEqualTo(1);
            assertThat(parts.counters().pending()).isZero();
            assertThat(parts.index().metaRecords(TimerIndexLayout.CANCEL_TAG)).isEmpty();
        }
    }

    @Test
    void aCancellationMarkerLeftByAnEarlierRunIsHonouredAtIndexing() {
        AppendResult parked = park("w", t0 + 1_000);
        try (TimerIndex index = new TimerIndex(store.storeDb());
                WriteBatch batch = new WriteBatch()) {
            index.putLong(batch, TimerIndexLayout.metaKey(TimerIndexLayout.CANCEL_TAG, parked.physicalOffset()), 0);
            index.write(batch);
        }
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock)) {
            clock.advanceMs(2_000);
            steps(parts, 3);
            assertThat(store.maxOffset("Orders", 0)).isZero();
            assertThat(parts.counters().cancelled()).isEqualTo(1);
            assertThat(parts.counters().pending()).isZero();
            assertThat(parts.index().metaRecords(TimerIndexLayout.CANCEL_TAG)).isEmpty();
        }
    }

    @Test
    void firesWhenSteppedPastItsTime() {
        park("a", t0 + 10);
        park("b", t0 + 5);
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock)) {
            steps(parts, 2);
            assertThat(parts.counters().pending()).isEqualTo(2);
            assertThat(parts.window().held()).isEqualTo(2);
            clock.advanceMs(4);
            steps(parts, 2);
            assertThat(store.commitLog().writtenOffset()).isEqualTo(store.dispatchedOffset());
            assertThat(parts.driver().processedThroughMs()).isEqualTo(t0 + 4);
            clock.advanceMs(6);
            steps(parts, 3);
            assertThat(parts.counters().fired()).isEqualTo(2);
            assertThat(parts.counters().pending()).isZero();
            assertThat(parts.index().entries(10)).isEmpty();
            assertThat(parts.pins().floorOffset()).isEqualTo(Long.MAX_VALUE);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.maxOffset("Orders", 0) == 2);
    }

    @Test
    void anEntryWhoseRecordIsNotAParkedMessageIsSettledAsLost() {
        AppendResult parked = park("real", t0 + 5);
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock);
                WriteBatch batch = new WriteBatch()) {
            steps(parts, 1);
            parts.index().put(batch, t0 + 3, parked.physicalOffset() + 1, parked.bytes(), 9);
            parts.index().write(batch);
            parts.index().put(batch, t0 + 4, 1L << 40, 500, 10);
            parts.index().write(batch);
            assertThat(parts.index().entries(10)).hasSize(3);
        }
        // reopened, the loader reads the entries written behind its back
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock)) {
            clock.advanceMs(10);
            steps(parts, 4);
            assertThat(parts.counters().lost()).isEqualTo(2);
            assertThat(parts.counters().fired()).isEqualTo(1);
            assertThat(parts.index().entries(10)).isEmpty();
        }
    }

    @Test
    void segmentPinsFollowPendingTimers() {
        AppendResult first = park("p1", t0 + 100_000);
        park("p2", t0 + 200_000);
        try (TimerParts parts = TimerParts.open(store, TimerConfig.defaults(), clock)) {
            steps(parts, 1);
            assertThat(parts.pins().floorOffset()).isEqualTo(first.physicalOffset() / (1 << 20) * (1 << 20));
            assertThat(store.maxOffset(TimerTopic.NAME, 0)).isEqualTo(2);
        }
    }
}
