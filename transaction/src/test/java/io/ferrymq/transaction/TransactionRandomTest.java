package io.ferrymq.transaction;

import static io.ferrymq.transaction.TxFixture.GROUP;
import static io.ferrymq.transaction.TxFixture.awaitDispatched;
import static io.ferrymq.transaction.TxFixture.bodies;
import static io.ferrymq.transaction.TxFixture.sendHalf;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producers on several threads send halves and end them at once (racing the indexer), with random
 * decisions, UNKNOWNs and repeated ENDs; every committed message arrives exactly once and no rolled
 * back one arrives.
 */
class TransactionRandomTest {
    private static final int THREADS = 4;
    private static final int HALVES_PER_THREAD = 400;

    @TempDir
    Path dir;

    @Test
    void randomEndsDeliverExactlyTheCommittedHalvesOnce() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("TransactionRandomTest seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        ManualClock clock = ManualClock.startingAtFixedInstant();
        Map<Integer, List<String>> committed = new ConcurrentHashMap<>();
        List<String> rolledBack = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (MessageStore store = TxFixture.open(dir.resolve("store"), clock);
                TransactionCoordinator tx = TransactionCoordinator.start(
                        store, TransactionConfig.defaults(), clock, (g, r, o, k) -> true)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Random random = new Random(seed + t);
                threads.add(new Thread(() -> produce(store, tx, thread, random, committed, rolledBack, failures)));
            }
            long started = System.nanoTime();
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.println(
                    "TransactionRandomTest: " + THREADS * HALVES_PER_THREAD + " transactions in " + ms + " ms");

            assertThat(failures).isEmpty();
            awaitDispatched(store);
            int committedCount = 0;
            for (int queue = 0; queue < THREADS; queue++) {
                List<String> expected = committed.getOrDefault(queue, List.of());
                committedCount += expected.size();
                assertThat(bodies(store, "Orders", queue)).containsExactlyInAnyOrderElementsOf(expected);
            }
            TransactionStats stats = tx.stats();
            assertThat(stats.committedTotal()).isEqualTo(committedCount);
            assertThat(stats.rolledBackTotal()).isEqualTo(rolledBack.size());
            assertThat(stats.pending()).isZero();
            assertThat(stats.parked()).isZero();
            assertThat(stats.duplicatesAvoided()).isZero();
        }
    }

    private static void produce(
            MessageStore store,
            TransactionCoordinator tx,
            int queue,
            Random random,
            Map<Integer, List<String>> committed,
            List<String> rolledBack,
            List<String> failures) {
        for (int i = 0; i < HALVES_PER_THREAD; i++) {
            String body = queue + "-" + i;
            long half = sendHalf(store, queue, body);
            if (random.nextInt(5) == 0) {
                expect(
                        tx.end(half, Decision.UNKNOWN, GROUP, "id-" + body).join(),
                        EndResult.Status.STILL_PENDING,
                        failures);
            }
            Decision decision = random.nextBoolean() ? Decision.COMMIT : Decision.ROLLBACK;
            EndResult first = tx.end(half, decision, GROUP, "id-" + body).join();
            expect(
                    first,
                    decision == Decision.COMMIT ? EndResult.Status.COMMITTED : EndResult.Status.ROLLED_BACK,
                    failures);
            if (decision == Decision.COMMIT) {
                committed
                        .computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>())
                        .add(body);
            } else {
                rolledBack.add(body);
            }
            for (int repeat = random.nextInt(3); repeat > 0; repeat--) {
                Decision again = random.nextBoolean() ? Decision.COMMIT : Decision.ROLLBACK;
                EndResult late = tx.end(half, again, GROUP, null).join();
                expect(late, EndResult.Status.ALREADY_SETTLED, failures);
                if (late.settledAs() != decision) {
                    failures.add(body + ": a repeated END said " + late.settledAs() + ", not " + decision);
                }
            }
        }
    }

    private static void expect(EndResult result, EndResult.Status status, List<String> failures) {
        if (result.status() != status) {
            failures.add("half at " + result.halfOffset() + ": expected " + status + ", got " + result);
        }
    }
}
