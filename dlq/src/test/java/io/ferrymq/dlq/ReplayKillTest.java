package io.ferrymq.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that really crashes: a child JVM replays dead letters under SYNC_FLUSH (paced so that it
 * cannot finish before the kill) and is SIGKILLed midway; replaying them all again here delivers every
 * one exactly once to its original topic. A kill between an append and its outcome (it happens in
 * some runs; the count is printed) is resolved from the recorded intent; {@code ReplayCrashTest} makes
 * that case every time.
 */
class ReplayKillTest {
    private static final int COUNT = 3_000;
    private static final double RATE = 2_000;

    @TempDir
    Path dir;

    static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "ID-" + i).toList();
    }

    @Test
    void everyDeadLetterIsReplayedOnceAcrossSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("ReplayKillTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = dir.resolve("store");
        try (MessageStore store = DlqFixture.open(root, Clock.systemUTC())) {
            for (int i = 0; i < COUNT; i++) {
                DlqFixture.deadLetter(store, Integer.toString(i));
            }
        }

        Process child = start(root);
        awaitReady(child);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250 + random.nextInt(500)));
        assertThat(child.isAlive()).as("the child is still replaying").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        try (MessageStore store = DlqFixture.open(root, Clock.systemUTC());
                DeadLetterOffice office = DeadLetterOffice.start(store, Clock.systemUTC())) {
            int before = DlqFixture.records(store, DlqFixture.TOPIC, 2).size();
            List<ReplayResult> results =
                    office.replay(DlqFixture.GROUP, ids(COUNT), ReplayTarget.ORIGINAL_TOPIC, 100_000, topic -> 2);
            Map<ReplayStatus, Long> statuses = new HashMap<>();
            results.forEach(result -> statuses.merge(result.status(), 1L, Long::sum));
            long recovered = results.stream()
                    .filter(result -> result.reason().contains("interrupted"))
                    .count();
            System.out.printf(
                    "replayed by the child before the kill: %d; after: %s, %d found landed after an interrupted replay%n",
                    before, statuses, recovered);
            assertThat(statuses).doesNotContainKeys(ReplayStatus.FAILED, ReplayStatus.NOT_FOUND);
            assertThat(before).as("the kill came before the end").isLessThan(COUNT);

            Map<String, Integer> deliveries = new HashMap<>();
            for (StoredRecord record : DlqFixture.records(store, DlqFixture.TOPIC, 2)) {
                deliveries.merge(record.property("UNIQ_KEY"), 1, Integer::sum);
            }
            assertThat(deliveries).hasSize(COUNT);
            assertThat(deliveries.values()).as("replayed more than once").containsOnly(1);
        }
    }

    private static Process start(Path root) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ReplayKillMain.class.getName());
        command.add(root.toString());
        command.add(Integer.toString(COUNT));
        command.add(Double.toString(RATE));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("ready")) {
            System.out.println("child: " + line);
        }
        assertThat(line).as("the child started replaying").isEqualTo("ready");
        Thread drain = new Thread(() -> reader.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
    }
}
