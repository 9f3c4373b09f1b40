package io.ferrymq.transaction;

import static io.ferrymq.transaction.TxFixture.GROUP;
import static io.ferrymq.transaction.TxFixture.awaitDispatched;
import static io.ferrymq.transaction.TxFixture.bodies;
import static io.ferrymq.transaction.TxFixture.sendHalf;
import static io.ferrymq.transaction.TxFixture.step;
import static io.ferrymq.transaction.TxFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.testkit.ManualClock;
import io.ferrymq.transaction.internal.HalfEntry;
import io.ferrymq.transaction.internal.HalfLedger;
import io.ferrymq.transaction.internal.SegmentPins;
import io.ferrymq.transaction.internal.TransactionCounters;
import io.ferrymq.transaction.internal.TransactionIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing and reopening store and coordinator with transactions open, and what a crash can leave
 * behind.
 */
class TransactionRestartTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final long t0 = clock.millis();
    private final RecordingCheckBack checks = new RecordingCheckBack(clock, GROUP);

    private Path root() {
        return dir.resolve("store");
    }

    private MessageStore openStore() throws Exception {
        return TxFixture.open(root(), clock);
    }

    private TransactionCoordinator start(MessageStore store) {
        return TransactionCoordinator.start(
                store, TransactionConfig.defaults().withTransactionCheckMax(3), clock, checks);
    }

    private void at(TransactionCoordinator tx, long ms) {
        clock.advanceMs(t0 + ms - clock.millis());
        step(tx);
    }

    @Test
    void pendingHalvesCheckCountsParkedHalvesAndDecisionsSurviveARestart() throws Exception {
        long checked;
        long parked;
        long rolledBack;
        long committed;
        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            parked = sendHalf(store, 0, "parked");
            until(() -> tx.stats().pending() == 1);
            at(tx, 6_000);
            at(tx, 36_000);
            at(tx, 66_000);
            checked = sendHalf(store, 0, "checked");
            rolledBack = sendHalf(store, 0, "rolled-back");
            committed = sendHalf(store, 0, "committed");
            until(() -> tx.stats().pending() == 4);
            at(tx, 72_000);
            assertThat(tx.find(checked).checks()).isEqualTo(1);
            at(tx, 96_000);
            assertThat(tx.unresolved(10)).extracting(HalfInfo::halfOffset).containsExactly(parked);
            assertThat(tx.end(rolledBack, Decision.ROLLBACK, GROUP, null).join().settledNow())
                    .isTrue();
            assertThat(tx.end(committed, Decision.COMMIT, GROUP, null).join().settledNow())
                    .isTrue();
        }
        int checksBefore = checks.calls().size();

        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            TransactionStats stats = tx.stats();
            assertThat(stats.pending()).isEqualTo(1);
            assertThat(stats.parked()).isEqualTo(1);
            assertThat(stats.committedTotal()).isEqualTo(1);
            assertThat(stats.rolledBackTotal()).isEqualTo(1);
            assertThat(stats.checksSent()).isEqualTo(checksBefore);
            assertThat(tx.find(checked).checks()).isEqualTo(1);
            assertThat(tx.find(checked).nextCheckMs()).isEqualTo(t0 + 102_000);
            assertThat(tx.unresolved(10)).extracting(HalfInfo::halfOffset).containsExactly(parked);
            assertThat(tx.end(rolledBack, Decision.COMMIT, GROUP, null).join().settledAs())
                    .isEqualTo(Decision.ROLLBACK);
            assertThat(tx.end(committed, Decision.COMMIT, GROUP, null).join().settledAs())
                    .isEqualTo(Decision.COMMIT);

            at(tx, 101_999);
            assertThat(checks.calls()).hasSize(checksBefore);
            at(tx, 102_000);
            assertThat(checks.calls()).hasSize(checksBefore + 1);
            assertThat(tx.find(checked).checks()).isEqualTo(2);

            assertThat(tx.end(checked, Decision.COMMIT, GROUP, "id-checked")
                            .join()
                            .status())
                    .isEqualTo(EndResult.Status.COMMITTED);
            assertThat(tx.resolve(parked, Decision.COMMIT).status()).isEqualTo(EndResult.Status.COMMITTED);
            awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).containsExactlyInAnyOrder("committed", "checked", "parked");
            assertThat(tx.stats().duplicatesAvoided()).isZero();
        }
    }

    @Test
    void halvesSentWhileTheServiceWasDownAreIndexedAtStart() throws Exception {
        long half;
        try (MessageStore store = openStore()) {
            half = sendHalf(store, 0, "offline");
        }
        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            until(() -> tx.stats().pending() == 1);
            assertThat(tx.find(half).nextCheckMs()).isEqualTo(t0 + 6_000);
        }
    }

    /** A crash after the commit was recorded and appended, before the half was settled. */
    @Test
    void aCommitThatLandedBeforeTheCrashIsNotAppendedAgain() throws Exception {
        long half = sendAndIndex("landed");
        try (MessageStore store = openStore()) {
            recordCommit(store, half);
            appendCommit(store, half);
        }

        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            until(() -> tx.stats().pending() == 0);
            awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).containsExactly("landed");
            TransactionStats stats = tx.stats();
            assertThat(stats.duplicatesAvoided()).isEqualTo(1);
            assertThat(stats.committedTotal()).isEqualTo(1);
            assertThat(tx.end(half, Decision.COMMIT, GROUP, null).join().settledAs())
                    .isEqualTo(Decision.COMMIT);
        }
    }

    /** A crash after the commit was recorded, before its append. */
    @Test
    void aCommitRecordedButNotAppendedIsFinishedAtStart() throws Exception {
        long half = sendAndIndex("recorded");
        try (MessageStore store = openStore()) {
            recordCommit(store, half);
        }

        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            until(() -> tx.stats().pending() == 0);
            awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).containsExactly("recorded");
            assertThat(tx.stats().duplicatesAvoided()).isZero();
            assertThat(tx.stats().committedTotal()).isEqualTo(1);
            assertThat(tx.find(half)).isNull();
        }
    }

    /**
     * An OS crash lost RocksDB's unsynced record of the commit while the appended message survived:
     * the half is pending again, and the producer's next answer must not deliver it twice.
     */
    @Test
    void aCommitWhoseRecordWasLostIsNotAppendedAgainWhenTheProducerAnswersAgain() throws Exception {
        long half = sendAndIndex("unrecorded");
        try (MessageStore store = openStore()) {
            appendCommit(store, half);
        }

        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            assertThat(tx.find(half)).isNotNull();
            EndResult answer =
                    tx.end(half, Decision.COMMIT, GROUP, "id-unrecorded").join();

            assertThat(answer.status()).isEqualTo(EndResult.Status.COMMITTED);
            awaitDispatched(store);
            assertThat(bodies(store, "Orders", 0)).containsExactly("unrecorded");
            assertThat(answer.deliveredOffset())
                    .isEqualTo(TxFixture.records(store, "Orders", 0).get(0).physicalOffset());
            assertThat(tx.stats().duplicatesAvoided()).isEqualTo(1);
        }
    }

    private long sendAndIndex(String body) throws Exception {
        try (MessageStore store = openStore();
                TransactionCoordinator tx = start(store)) {
            long half = sendHalf(store, 0, body);
            until(() -> tx.stats().pending() == 1);
            return half;
        }
    }

    /** What the coordinator writes when it decides a commit, done by hand. */
    private static void recordCommit(MessageStore store, long half) {
        try (TransactionIndex index = new TransactionIndex(store.storeDb())) {
            HalfLedger ledger = new HalfLedger(
                    index,
                    TransactionCounters.load(index),
                    SegmentPins.load(index, store.commitLog().segmentSizeBytes()));
            HalfEntry entry = index.half(half, new HalfEntry());
            ledger.commitDecided(entry);
            ledger.write();
        }
    }

    /** The append the coordinator makes for a commit, done by hand. */
    private static void appendCommit(MessageStore store, long half) {
        awaitDispatched(store);
        StoredRecord record = new StoredRecord().wrap(store.byPhysicalOffset(half), 0);
        store.put(new MessageRecord(HalfRecords.commit(record))).join();
    }
}
