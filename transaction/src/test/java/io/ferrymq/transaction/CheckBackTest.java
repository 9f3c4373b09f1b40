package io.ferrymq.transaction;

import static io.ferrymq.transaction.TxFixture.GROUP;
import static io.ferrymq.transaction.TxFixture.awaitDispatched;
import static io.ferrymq.transaction.TxFixture.bodies;
import static io.ferrymq.transaction.TxFixture.sendHalf;
import static io.ferrymq.transaction.TxFixture.step;
import static io.ferrymq.transaction.TxFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-back timing, back-off, groups without producers, parking and resolving, with a manual clock. */
class CheckBackTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final long t0 = clock.millis();
    private final RecordingCheckBack checks = new RecordingCheckBack(clock, GROUP);
    private MessageStore store;
    private TransactionCoordinator tx;

    private void open(TransactionConfig config) throws Exception {
        store = TxFixture.open(dir.resolve("store"), clock);
        tx = TransactionCoordinator.start(store, config, clock, checks);
    }

    @AfterEach
    void close() throws Exception {
        if (tx != null) {
            tx.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void at(long ms) {
        clock.advanceMs(t0 + ms - clock.millis());
        step(tx);
    }

    @Test
    void theFirstCheckComesAtTheTimeoutNotBeforeWithTheStoredHalfUncopied() throws Exception {
        open(TransactionConfig.defaults());
        long half = sendHalf(store, 3, "pending");
        awaitDispatched(store);
        until(() -> tx.stats().pending() == 1);
        long written = store.commitLog().writtenOffset();

        at(5_999);
        assertThat(checks.calls()).isEmpty();

        at(6_000);
        assertThat(checks.calls()).singleElement().satisfies(call -> {
            assertThat(call.group()).isEqualTo(GROUP);
            assertThat(call.halfOffset()).isEqualTo(half);
            assertThat(call.uniqKey()).isEqualTo("id-pending");
            assertThat(call.recordTopic()).isEqualTo(HalfTopic.NAME);
            assertThat(call.recordOffset()).isEqualTo(half);
        });
        assertThat(tx.find(half).checks()).isEqualTo(1);
        assertThat(tx.find(half).nextCheckMs()).isEqualTo(t0 + 36_000);
        assertThat(tx.stats().checksSent()).isEqualTo(1);

        at(35_999);
        assertThat(checks.calls()).hasSize(1);
        at(36_000);
        assertThat(checks.calls()).hasSize(2);
        assertThat(store.commitLog().writtenOffset())
                .as("a check appends nothing")
                .isEqualTo(written);
    }

    @Test
    void checkImmunityTimePostponesTheFirstCheck() throws Exception {
        open(TransactionConfig.defaults());
        long immune = sendHalf(
                store,
                TxFixture.message("Orders", 0, "immune", "ID-I", Map.of("CHECK_IMMUNITY_TIME_IN_SECONDS", "20")));
        long shortImmunity = sendHalf(
                store, TxFixture.message("Orders", 0, "short", "ID-S", Map.of("CHECK_IMMUNITY_TIME_IN_SECONDS", "2")));
        until(() -> tx.stats().pending() == 2);

        at(6_000);
        assertThat(checks.calls())
                .extracting(RecordingCheckBack.Call::halfOffset)
                .containsExactly(shortImmunity);

        at(19_999);
        assertThat(checks.calls()).hasSize(1);
        at(20_000);
        assertThat(checks.calls())
                .extracting(RecordingCheckBack.Call::halfOffset)
                .containsExactly(shortImmunity, immune);
    }

    @Test
    void theWaitBetweenChecksDoublesUpToItsCap() throws Exception {
        open(TransactionConfig.defaults().withCheckBackoffMaxMs(120_000));
        long half = sendHalf(store, 0, "slow");
        until(() -> tx.stats().pending() == 1);

        long[] expected = {6_000, 36_000, 96_000, 216_000, 336_000};
        for (int i = 0; i < expected.length; i++) {
            at(expected[i] - 1);
            assertThat(checks.calls()).hasSize(i);
            at(expected[i]);
            assertThat(checks.calls()).hasSize(i + 1);
        }
        assertThat(tx.find(half).nextCheckMs()).isEqualTo(t0 + 456_000);
        assertThat(checks.calls())
                .extracting(RecordingCheckBack.Call::atMs)
                .containsExactly(t0 + 6_000, t0 + 36_000, t0 + 96_000, t0 + 216_000, t0 + 336_000);
    }

    @Test
    void aGroupWithoutALiveProducerIsSkippedWithoutSpendingAChecks() throws Exception {
        open(TransactionConfig.defaults());
        checks.live(GROUP, false);
        long half = sendHalf(store, 0, "orphan");
        until(() -> tx.stats().pending() == 1);

        at(6_000);
        at(11_000);
        at(16_000);

        assertThat(checks.calls()).hasSize(3).noneMatch(RecordingCheckBack.Call::sent);
        assertThat(tx.find(half).checks()).isZero();
        assertThat(tx.stats().checksSkippedNoProducer()).isEqualTo(3);
        assertThat(tx.stats().checksSent()).isZero();

        checks.live(GROUP, true);
        at(21_000);
        assertThat(checks.sent()).hasSize(1);
        assertThat(tx.find(half).checks()).isEqualTo(1);
        assertThat(tx.find(half).nextCheckMs()).isEqualTo(t0 + 51_000);
    }

    @Test
    void aCheckBackThatThrowsCountsAsNotSent() throws Exception {
        open(TransactionConfig.defaults());
        long half = sendHalf(store, 0, "flaky");
        until(() -> tx.stats().pending() == 1);
        checks.failWith(new IllegalStateException("channel closed"));

        at(6_000);

        assertThat(tx.stats().checkFailures()).isEqualTo(1);
        assertThat(tx.find(half).checks()).isZero();
        assertThat(tx.find(half).nextCheckMs()).isEqualTo(t0 + 11_000);
    }

    @Test
    void afterTheLastCheckTheHalfIsParkedListedAndResolvable() throws Exception {
        open(TransactionConfig.defaults().withTransactionCheckMax(3));
        long parked = sendHalf(store, 1, "forgotten");
        long rolledBack = sendHalf(store, 1, "abandoned");
        until(() -> tx.stats().pending() == 2);

        at(6_000);
        at(36_000);
        at(66_000);
        assertThat(checks.sent()).hasSize(6);
        assertThat(tx.unresolved(10)).isEmpty();
        at(96_000);

        assertThat(checks.sent()).as("no fourth check").hasSize(6);
        assertThat(tx.unresolved(10)).hasSize(2);
        assertThat(tx.unresolved(1)).singleElement().satisfies(info -> {
            assertThat(info.halfOffset()).isEqualTo(parked);
            assertThat(info.state()).isEqualTo(HalfState.PARKED);
            assertThat(info.checks()).isEqualTo(3);
            assertThat(info.nextCheckMs()).isEqualTo(-1);
            assertThat(info.topic()).isEqualTo("Orders");
            assertThat(info.queueId()).isEqualTo(1);
            assertThat(info.msgId()).isEqualTo("id-forgotten");
            assertThat(info.producerGroup()).isEqualTo(GROUP);
            assertThat(info.storeTimeMs()).isEqualTo(t0);
        });
        assertThat(tx.pending(10)).isEmpty();
        assertThat(tx.stats().parked()).isEqualTo(2);
        assertThat(tx.stats().pending()).isZero();
        assertThat(tx.stats().nextCheckMs()).isEqualTo(-1);
        assertThat(tx.retentionFloorOffset()).isLessThanOrEqualTo(parked);

        at(10_000_000);
        assertThat(checks.sent()).as("parked halves are never checked again").hasSize(6);

        EndResult resolved = tx.resolve(parked, Decision.COMMIT);
        EndResult lateAnswer =
                tx.end(rolledBack, Decision.ROLLBACK, GROUP, "id-abandoned").join();

        assertThat(resolved.status()).isEqualTo(EndResult.Status.COMMITTED);
        assertThat(lateAnswer.status()).isEqualTo(EndResult.Status.ROLLED_BACK);
        assertThat(tx.resolve(parked, Decision.ROLLBACK).status()).isEqualTo(EndResult.Status.ALREADY_SETTLED);
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 1)).containsExactly("forgotten");
        assertThat(tx.unresolved(10)).isEmpty();
        TransactionStats stats = tx.stats();
        assertThat(stats.parked()).isZero();
        assertThat(stats.committedTotal()).isEqualTo(1);
        assertThat(stats.rolledBackTotal()).isEqualTo(1);
        assertThat(stats.retentionFloorOffset()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aCheckAnsweredWithACommitDeliversAndStopsTheChecks() throws Exception {
        open(TransactionConfig.defaults());
        long half = sendHalf(store, 0, "answered");
        until(() -> tx.stats().pending() == 1);

        at(6_000);
        RecordingCheckBack.Call call = checks.calls().get(0);
        EndResult answer = tx.end(call.halfOffset(), Decision.COMMIT, call.group(), call.uniqKey())
                .join();

        assertThat(answer.status()).isEqualTo(EndResult.Status.COMMITTED);
        at(100_000);
        assertThat(checks.calls()).hasSize(1);
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 0)).containsExactly("answered");
        assertThat(tx.find(half)).isNull();
    }
}
