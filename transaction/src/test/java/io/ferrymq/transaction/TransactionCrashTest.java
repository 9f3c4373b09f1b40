package io.ferrymq.transaction;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction coordinator that really crashes: a child JVM sends halves and ends them under
 * SYNC_FLUSH and is SIGKILLed mid-stream; the store and coordinator reopen here and the producer's
 * decisions are sent again for every half (as its answers to check-backs would be). Every half meant
 * to be committed is delivered exactly once, including those whose commit landed just before the
 * kill; no rolled-back half is ever delivered; nothing stays pending. Two rounds on the same store.
 */
class TransactionCrashTest {
    private static final int QUEUES = 4;

    @TempDir
    Path dir;

    /** What the child's producer decides for its i-th transaction. */
    static Decision intended(int i) {
        return i % 3 == 2 ? Decision.ROLLBACK : Decision.COMMIT;
    }

    @Test
    void everyCommittedHalfIsDeliveredOnceAcrossSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("TransactionCrashTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = dir.resolve("store");
        Map<String, Decision> decisions = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Process child = start(root, round);
            awaitReady(child, acknowledged);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(900)));
            assertThat(child.isAlive())
                    .as("child still running in round %d", round)
                    .isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            verify(root, round, decisions, acknowledged);
        }
    }

    private static void verify(Path root, int round, Map<String, Decision> decisions, Set<String> acknowledged)
            throws Exception {
        // the child's clock: settled decisions it recorded are remembered for settledRetentionMs of it
        Clock clock = Clock.systemUTC();
        try (MessageStore store = TxFixture.open(root, clock);
                TransactionCoordinator tx = TransactionCoordinator.start(
                        store, TransactionConfig.defaults(), clock, (g, r, o, k) -> false)) {
            TxFixture.awaitDispatched(store);
            List<String> wrongAnswers = new ArrayList<>();
            for (StoredRecord half : TxFixture.records(store, HalfTopic.NAME, HalfTopic.QUEUE_ID)) {
                String id = half.property("UNIQ_KEY");
                Decision decision = intended(Integer.parseInt(id.substring(id.indexOf('-') + 1)));
                decisions.put(id, decision);
                EndResult result = tx.end(half.physicalOffset(), decision, TxFixture.GROUP, id)
                        .join();
                boolean right = result.settledNow()
                        || result.status() == EndResult.Status.ALREADY_SETTLED && result.settledAs() == decision;
                if (!right) {
                    wrongAnswers.add(id + " " + decision + ": " + result);
                }
            }
            TxFixture.awaitDispatched(store);
            Map<String, Integer> deliveries = new HashMap<>();
            for (int queue = 0; queue < QUEUES; queue++) {
                for (StoredRecord record : TxFixture.records(store, "Crash", queue)) {
                    deliveries.merge(record.property("UNIQ_KEY"), 1, Integer::sum);
                }
            }
            List<String> committed = decisions.entrySet().stream()
                    .filter(e -> e.getValue() == Decision.COMMIT)
                    .map(Map.Entry::getKey)
                    .toList();
            TransactionStats stats = tx.stats();
            System.out.printf(
                    "round %d: %d halves, %d acknowledged before the kill, %d delivered, %d duplicates avoided%n",
                    round, decisions.size(), acknowledged.size(), deliveries.size(), stats.duplicatesAvoided());
            assertThat(wrongAnswers).as("round %d", round).isEmpty();
            assertThat(deliveries.keySet()).as("round %d", round).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(deliveries.values())
                    .as("round %d: delivered more than once", round)
                    .containsOnly(1);
            assertThat(stats.pending()).isZero();
            assertThat(stats.lostTotal()).isZero();
            for (String id : acknowledged) {
                assertThat(deliveries.containsKey(id)).as(id).isEqualTo(decisions.get(id) == Decision.COMMIT);
            }
        }
    }

    private static Process start(Path root, int round) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TransactionCrashMain.class.getName());
        command.add(root.toString());
        command.add("R" + round);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process child, Set<String> acknowledged) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("ready")) {
            System.out.println("child: " + line);
        }
        assertThat(line).as("the child started the transaction coordinator").isEqualTo("ready");
        Thread drain = new Thread(() -> reader.lines().forEach(l -> {
            int space = l.indexOf(' ');
            if (space > 0 && (l.startsWith("COMMITTED") || l.startsWith("ROLLED_BACK"))) {
                acknowledged.add(l.substring(space + 1));
            }
        }));
        drain.setDaemon(true);
        drain.start();
    }
}
