package io.ferrymq.transaction;

import static io.ferrymq.transaction.TxFixture.GROUP;
import static io.ferrymq.transaction.TxFixture.awaitDispatched;
import static io.ferrymq.transaction.TxFixture.bodies;
import static io.ferrymq.transaction.TxFixture.records;
import static io.ferrymq.transaction.TxFixture.sendHalf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** END_TRANSACTION over a real store: commit, rollback, unknown, repeats, unknown offsets, mismatches. */
class TransactionCoordinatorTest {
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

    private EndResult end(long offset, Decision decision) {
        return tx.end(offset, decision, GROUP, null).join();
    }

    @Test
    void aCommitDeliversTheMessageOnceToItsRealTopicWithTheSameIdAndTheTransactionPropertiesGone() {
        long half = sendHalf(store, TxFixture.message("Orders", 2, "paid", "ID-1", Map.of("color", "blue")));

        EndResult result = tx.end(half, Decision.COMMIT, GROUP, "ID-1").join();

        assertThat(result.status()).isEqualTo(EndResult.Status.COMMITTED);
        assertThat(result.settledAs()).isEqualTo(Decision.COMMIT);
        awaitDispatched(store);
        List<StoredRecord> delivered = records(store, "Orders", 2);
        assertThat(delivered).hasSize(1);
        StoredRecord record = delivered.get(0);
        assertThat(record.physicalOffset()).isEqualTo(result.deliveredOffset());
        assertThat(TxFixture.body(record)).isEqualTo("paid");
        assertThat(record.property("UNIQ_KEY")).isEqualTo("ID-1");
        assertThat(MessageSysFlag.transactionType(record.sysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(record.preparedTransactionOffset()).isEqualTo(half);
        assertThat(record.properties())
                .doesNotContainKeys("TRAN_MSG", "REAL_TOPIC", "REAL_QID")
                .containsEntry("PGROUP", GROUP)
                .containsEntry("color", "blue")
                .containsEntry("TAGS", "tag-a");
        assertThat(record.flag()).isEqualTo(7);
        assertThat(record.bornTimestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(record.bornHostPort()).isEqualTo(54321);
        assertThat(record.verifyBodyCrc()).isTrue();
        assertThat(store.byUniqueId("Orders", "ID-1")).isNotNull();
        TransactionStats stats = tx.stats();
        assertThat(stats.committedTotal()).isEqualTo(1);
        assertThat(stats.pending()).isZero();
        assertThat(stats.retentionFloorOffset()).isEqualTo(Long.MAX_VALUE);
        assertThat(tx.find(half)).isNull();
    }

    @Test
    void aRollbackNeverDeliversEvenWhenACommitFollows() {
        long half = sendHalf(store, 0, "cancelled");

        assertThat(end(half, Decision.ROLLBACK).status()).isEqualTo(EndResult.Status.ROLLED_BACK);
        EndResult late = end(half, Decision.COMMIT);

        assertThat(late.status()).isEqualTo(EndResult.Status.ALREADY_SETTLED);
        assertThat(late.settledAs()).isEqualTo(Decision.ROLLBACK);
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 0)).isEmpty();
        assertThat(tx.stats().rolledBackTotal()).isEqualTo(1);
        assertThat(tx.stats().committedTotal()).isZero();
        assertThat(tx.stats().pending()).isZero();
    }

    @Test
    void unknownLeavesTheHalfPendingAndALaterCommitDeliversItOnce() {
        long half = sendHalf(store, 1, "maybe");

        EndResult unknown = end(half, Decision.UNKNOWN);

        assertThat(unknown.status()).isEqualTo(EndResult.Status.STILL_PENDING);
        assertThat(tx.pending(10)).singleElement().satisfies(info -> {
            assertThat(info.halfOffset()).isEqualTo(half);
            assertThat(info.topic()).isEqualTo("Orders");
            assertThat(info.queueId()).isEqualTo(1);
            assertThat(info.msgId()).isEqualTo("id-maybe");
            assertThat(info.producerGroup()).isEqualTo(GROUP);
            assertThat(info.state()).isEqualTo(HalfState.PENDING);
            assertThat(info.checks()).isZero();
            assertThat(info.nextCheckMs()).isEqualTo(info.storeTimeMs() + 6_000);
        });
        assertThat(tx.stats().pending()).isEqualTo(1);
        assertThat(tx.retentionFloorOffset()).isLessThanOrEqualTo(half);

        assertThat(end(half, Decision.COMMIT).status()).isEqualTo(EndResult.Status.COMMITTED);
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 1)).containsExactly("maybe");
        assertThat(tx.pending(10)).isEmpty();
    }

    @Test
    void repeatedAndConcurrentEndsNeverDeliverTwice() throws Exception {
        long half = sendHalf(store, 0, "once");
        List<CompletableFuture<EndResult>> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Decision decision = t % 4 == 3 ? Decision.ROLLBACK : Decision.COMMIT;
            CompletableFuture<EndResult> result = new CompletableFuture<>();
            results.add(result);
            Thread thread = new Thread(() -> result.complete(end(half, decision)));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        long settledNow = results.stream().filter(r -> r.join().settledNow()).count();
        assertThat(settledNow).isEqualTo(1);
        Decision winner = results.stream()
                .map(CompletableFuture::join)
                .filter(EndResult::settledNow)
                .findFirst()
                .orElseThrow()
                .settledAs();
        assertThat(results)
                .map(CompletableFuture::join)
                .filteredOn(r -> !r.settledNow())
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(EndResult.Status.ALREADY_SETTLED);
                    assertThat(r.settledAs()).isEqualTo(winner);
                });
        assertThat(end(half, Decision.COMMIT).status()).isEqualTo(EndResult.Status.ALREADY_SETTLED);
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 0)).hasSize(winner == Decision.COMMIT ? 1 : 0);
    }

    @Test
    void anEndForAnOffsetWithoutAHalfSaysSo() {
        EncodableMessage plain = EncodableMessage.builder()
                .topic("Orders")
                .body("plain".getBytes())
                .build();
        long plainOffset = store.put(new MessageRecord(plain)).join().physicalOffset();
        awaitDispatched(store);

        assertThat(end(123_456_789L, Decision.COMMIT).status()).isEqualTo(EndResult.Status.UNKNOWN_HALF);
        assertThat(end(plainOffset, Decision.COMMIT).status()).isEqualTo(EndResult.Status.UNKNOWN_HALF);
        assertThat(end(-5, Decision.ROLLBACK).status()).isEqualTo(EndResult.Status.UNKNOWN_HALF);
        assertThat(bodies(store, "Orders", 0)).containsExactly("plain");
    }

    @Test
    void anEndWithAnotherGroupOrMessageIdIsRejectedAndChangesNothing() {
        long half = sendHalf(store, 0, "guarded");

        EndResult wrongGroup =
                tx.end(half, Decision.COMMIT, "other-group", null).join();
        EndResult wrongId = tx.end(half, Decision.ROLLBACK, GROUP, "not-its-id").join();

        assertThat(wrongGroup.status()).isEqualTo(EndResult.Status.REJECTED);
        assertThat(wrongGroup.detail()).contains("other-group", GROUP);
        assertThat(wrongId.status()).isEqualTo(EndResult.Status.REJECTED);
        assertThat(tx.find(half)).isNotNull();
        String offsetId = MessageIds.offsetMessageId(new byte[] {127, 0, 0, 1}, 10911, half);
        assertThat(tx.end(half, Decision.UNKNOWN, GROUP, offsetId).join().status())
                .as("the offset message id names the half too")
                .isEqualTo(EndResult.Status.STILL_PENDING);
        assertThat(tx.end(half, Decision.COMMIT, GROUP, "id-guarded").join().status())
                .isEqualTo(EndResult.Status.COMMITTED);
    }

    @Test
    void anEndRightAfterTheSendFindsItsHalfBeforeTheIndexerHasRun() {
        for (int i = 0; i < 50; i++) {
            long half = sendHalf(store, 0, "fast-" + i);
            assertThat(end(half, Decision.COMMIT).status()).isEqualTo(EndResult.Status.COMMITTED);
        }
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 0)).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void aSettledHalfForgottenAfterItsRetentionIsStillNeverDeliveredAgain() throws Exception {
        tx.close();
        tx = TransactionCoordinator.start(
                store, TransactionConfig.defaults().withSettledRetentionMs(1_000), clock, checks);
        long half = sendHalf(store, 0, "old");
        assertThat(end(half, Decision.COMMIT).status()).isEqualTo(EndResult.Status.COMMITTED);
        assertThat(end(half, Decision.COMMIT).settledAs()).isEqualTo(Decision.COMMIT);

        clock.advanceMs(5_000);
        TxFixture.step(tx);
        EndResult late = end(half, Decision.COMMIT);

        assertThat(late.status()).isEqualTo(EndResult.Status.ALREADY_SETTLED);
        assertThat(late.settledAs()).isNull();
        awaitDispatched(store);
        assertThat(bodies(store, "Orders", 0)).containsExactly("old");
    }

    @Test
    void resolveRefusesUnknownAndAClosedServiceAnswersFailed() {
        long half = sendHalf(store, 0, "late");
        assertThatThrownBy(() -> tx.resolve(half, Decision.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);

        tx.close();

        assertThat(end(half, Decision.COMMIT).status()).isEqualTo(EndResult.Status.FAILED);
    }

    @Test
    void wireValuesMapToDecisions() {
        assertThat(Decision.fromCommitOrRollback(8)).isEqualTo(Decision.COMMIT);
        assertThat(Decision.fromCommitOrRollback(12)).isEqualTo(Decision.ROLLBACK);
        assertThat(Decision.fromCommitOrRollback(0)).isEqualTo(Decision.UNKNOWN);
        assertThat(Decision.ROLLBACK.commitOrRollback()).isEqualTo(12);
        assertThatThrownBy(() -> Decision.fromCommitOrRollback(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
