package io.ferrymq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.protocol.message.EncodableMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code timer.perf.n} timers (default 50,000) parked by two threads at once, all due within the same
 * second on the real clock: every one is delivered, to its own queue, none lost. Prints what it saw;
 * asserts no timing (figures come from {@code bin/benchmark timers}).
 */
class TimerBurstTest {
    @TempDir
    Path dir;

    @Test
    void manyTimersDueInTheSameSecond() throws Exception {
        int n = Integer.getInteger("timer.perf.n", 50_000);
        StoreConfig config =
                StoreConfig.defaults(dir).withCommitLogSegmentSize(256 << 20).withFlushIntervalConsumeQueueMs(200);
        Clock clock = Clock.systemUTC();
        try (MessageStore store = MessageStore.open(config, clock, d -> 0.1);
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), clock)) {
            long base = clock.millis() + Math.max(5_000, n / 20);
            long startNs = System.nanoTime();
            List<CompletableFuture<Void>> producers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                producers.add(CompletableFuture.runAsync(() -> {
                    for (int i = thread; i < n; i += 2) {
                        EncodableMessage message = SchedulerFixture.message("Perf", i % 8, "m" + i, "ID" + i);
                        store.put(new MessageRecord(TimerRecords.schedule(message, base + i % 1_000)));
                    }
                }));
            }
            CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).join();
            double appendSeconds = (System.nanoTime() - startNs) / 1e9;
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> timers.stats().pending() == n);
            double indexSeconds = (System.nanoTime() - startNs) / 1e9;

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> timers.stats().firedTotal() == n);
            long deliveredMs = clock.millis() - base;
            TimerStats stats = timers.stats();
            System.out.printf(
                    "timers: %d parked in %.2f s, indexed in %.2f s (%.0f/s); all delivered %d ms after the"
                            + " first was due; lateness p50 %d ms, p99 %d ms, max %d ms%n",
                    n,
                    appendSeconds,
                    indexSeconds,
                    n / indexSeconds,
                    deliveredMs,
                    stats.lateness().p50Ms(),
                    stats.lateness().p99Ms(),
                    stats.lateness().maxMs());
            assertThat(stats.firedTotal()).isEqualTo(n);
            assertThat(stats.lateness().count()).isEqualTo(n);
            SchedulerFixture.awaitDispatched(store);
            long total = 0;
            for (int q = 0; q < 8; q++) {
                total += store.maxOffset("Perf", q);
            }
            assertThat(total).isEqualTo(n);
        }
    }
}
