package io.ferrymq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link DelayedDelivery} that really crashes: timers are parked, a child JVM runs it under
 * SYNC_FLUSH and is SIGKILLed while they fire, then the store and the delayed delivery reopen here.
 * Every timer is delivered exactly once (they all have a UNIQ_KEY, so a delivery that landed before
 * the kill is recognised), none before its time. Two rounds on the same store.
 */
class TimerCrashTest {
    private static final int TIMERS = 8_000;
    private static final int QUEUES = 4;

    @TempDir
    Path dir;

    @Test
    void everyTimerIsDeliveredOnceAcrossSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("TimerCrashTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = dir.resolve("store");
        Map<String, Long> dueByKey = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            long parkedAt = System.currentTimeMillis();
            try (MessageStore store = SchedulerFixture.open(root)) {
                for (int i = 0; i < TIMERS; i++) {
                    String key = "R" + round + "-" + i;
                    long due = parkedAt + 2_500 + random.nextInt(3_000);
                    dueByKey.put(key, due);
                    SchedulerFixture.park(store, "Crash", i % QUEUES, key, due);
                }
            }
            Process child = start(root);
            awaitReady(child);
            long killAt = parkedAt + 2_700 + random.nextInt(2_600);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(0, killAt - System.currentTimeMillis())));
            assertThat(child.isAlive())
                    .as("child still running in round %d", round)
                    .isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            verify(root, dueByKey, round);
        }
    }

    private static void verify(Path root, Map<String, Long> dueByKey, int round) throws Exception {
        try (MessageStore store = SchedulerFixture.open(root);
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> timers.stats().pending() == 0);
            SchedulerFixture.awaitDispatched(store);
            Map<String, Integer> deliveries = new HashMap<>();
            List<String> early = new ArrayList<>();
            for (int queue = 0; queue < QUEUES; queue++) {
                for (StoredRecord record : SchedulerFixture.records(store, "Crash", queue)) {
                    String key = record.property("UNIQ_KEY");
                    deliveries.merge(key, 1, Integer::sum);
                    if (record.storeTimestamp() < dueByKey.get(key)) {
                        early.add(key);
                    }
                }
            }
            TimerStats stats = timers.stats();
            System.out.printf(
                    "round %d: %d delivered, %d duplicates avoided, %d possible duplicates%n",
                    round, deliveries.size(), stats.duplicatesAvoided(), stats.possibleDuplicates());
            assertThat(deliveries).as("round %d", round).hasSize(dueByKey.size());
            assertThat(deliveries.values())
                    .as("round %d: delivered more than once", round)
                    .containsOnly(1);
            assertThat(early).as("round %d: delivered early", round).isEmpty();
            assertThat(stats.possibleDuplicates()).isZero();
            assertThat(stats.lostTotal()).isZero();
        }
    }

    private static Process start(Path root) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TimerCrashMain.class.getName());
        command.add(root.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("ready")) {
            System.out.println("child: " + line);
        }
        assertThat(line).as("the child started the delayed delivery").isEqualTo("ready");
        Thread drain = new Thread(() -> reader.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
    }
}
