package io.ferrymq.transaction;

import static io.ferrymq.transaction.TxFixture.GROUP;
import static io.ferrymq.transaction.TxFixture.sendHalf;
import static io.ferrymq.transaction.TxFixture.step;
import static io.ferrymq.transaction.TxFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.testkit.ManualClock;
import io.ferrymq.transaction.internal.HalfEntry;
import io.ferrymq.transaction.internal.TransactionIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Halves whose message is gone, halves nobody can answer, and many halves due at once. */
class TransactionEdgeTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final RecordingCheckBack checks = new RecordingCheckBack(clock, GROUP);
    private MessageStore store;
    private TransactionCoordinator tx;

    @BeforeEach
    void open() throws Exception {
        store = TxFixture.open(dir.resolve("store"), clock);
        tx = TransactionCoordinator.start(store, TransactionConfig.defaults(), clock, checks);
    }

    @AfterEach
    void close() throws Exception {
        tx.close();
        store.close();
    }

    @Test
    void aHalfWhoseMessageIsGoneIsSettledAsLostNotCommitted() throws Exception {
        long ended = sendHalf(store, 0, "ended");
        long checked = sendHalf(store, 0, "checked");
        until(() -> tx.stats().pending() == 2);
        tx.close();
        try (TransactionIndex index = new TransactionIndex(store.storeDb())) {
            for (long offset : new long[] {ended, checked}) {
                HalfEntry entry = index.half(offset, new HalfEntry());
                entry.size += 1;
                index.putHalf(entry);
            }
            index.write();
        }
        tx = TransactionCoordinator.start(store, TransactionConfig.defaults(), clock, checks);

        EndResult commit = tx.end(ended, Decision.COMMIT, GROUP, null).join();
        clock.advanceMs(6_000);
        step(tx);

        assertThat(commit.status()).isEqualTo(EndResult.Status.LOST);
        assertThat(checks.calls()).isEmpty();
        assertThat(tx.stats().lostTotal()).isEqualTo(2);
        assertThat(tx.stats().pending()).isZero();
        assertThat(tx.end(checked, Decision.COMMIT, GROUP, null).join().status())
                .isEqualTo(EndResult.Status.LOST);
        TxFixture.awaitDispatched(store);
        assertThat(TxFixture.bodies(store, "Orders", 0)).isEmpty();
    }

    @Test
    void aHalfWithoutProducerGroupSpendsItsChecksWithoutACallAndIsParked() {
        tx.close();
        tx = TransactionCoordinator.start(
                store, TransactionConfig.defaults().withTransactionCheckMax(2), clock, checks);
        long t0 = clock.millis();
        long half = sendHalf(
                store,
                EncodableMessage.builder()
                        .topic("Orders")
                        .body("nobody".getBytes(StandardCharsets.UTF_8))
                        .properties(Map.of("UNIQ_KEY", "ID-N"))
                        .build());
        until(() -> tx.stats().pending() == 1);

        for (long at : new long[] {6_000, 36_000, 66_000}) {
            clock.advanceMs(t0 + at - clock.millis());
            step(tx);
        }

        assertThat(checks.calls()).isEmpty();
        assertThat(tx.unresolved(10)).singleElement().satisfies(info -> {
            assertThat(info.halfOffset()).isEqualTo(half);
            assertThat(info.producerGroup()).isNull();
            assertThat(info.checks()).isEqualTo(2);
        });
    }

    @Test
    void manyHalvesDueAtOnceAreAllCheckedOnceInBatches() {
        int halves = 5_000;
        Set<Long> offsets = new HashSet<>();
        for (int i = 0; i < halves; i++) {
            offsets.add(sendHalf(store, i % 4, "bulk-" + i));
        }
        until(() -> tx.stats().pending() == halves);

        long started = System.nanoTime();
        clock.advanceMs(6_000);
        tx.wake();
        until(() -> tx.stats().checksSent() == halves);
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("TransactionEdgeTest: " + halves + " checks in " + ms + " ms");

        assertThat(checks.calls()).hasSize(halves);
        assertThat(checks.calls())
                .extracting(RecordingCheckBack.Call::halfOffset)
                .doesNotHaveDuplicates();
        assertThat(new HashSet<>(checks.calls().stream()
                        .map(RecordingCheckBack.Call::halfOffset)
                        .toList()))
                .isEqualTo(offsets);
        assertThat(tx.pending(halves + 1)).hasSize(halves).allMatch(info -> info.checks() == 1);
        assertThat(tx.stats().nextCheckMs()).isEqualTo(clock.millis() + 30_000);
    }
}
