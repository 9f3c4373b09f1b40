package io.ferrymq.dlq.internal;

import static io.ferrymq.dlq.DlqFixture.GROUP;
import static io.ferrymq.dlq.DlqFixture.TOPIC;
import static io.ferrymq.dlq.DlqFixture.records;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.DeadLetterOffice;
import io.ferrymq.dlq.DlqFixture;
import io.ferrymq.dlq.ReplayResult;
import io.ferrymq.dlq.ReplayStatus;
import io.ferrymq.dlq.ReplayTarget;
import io.ferrymq.dlq.RetryTopics;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves between a replay's intent and its outcome, written to disk as the replayer
 * would have left it, then a restart and a new replay of the same dead letter.
 */
class ReplayCrashTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private MessageStore store;
    private DeadLetterOffice office;

    @BeforeEach
    void open() throws Exception {
        store = DlqFixture.open(dir.resolve("store"), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (office != null) {
            office.close();
        }
        store.close();
    }

    /** Records the intent of replaying {@code id} to {@link DlqFixture#TOPIC}; returns the dead letter. */
    private StoredRecord recordIntent(String id) {
        StoredRecord dead = records(store, RetryTopics.dlq(GROUP), 0).stream()
                .filter(record -> id.equals(record.property("UNIQ_KEY")))
                .findFirst()
                .orElseThrow();
        new DlqLedger(store.storeDb())
                .putIntent(
                        dead.physicalOffset(),
                        ReplayEntry.intent(clock.millis(), store.commitLog().writtenOffset(), TOPIC));
        return dead;
    }

    private void appendReplay(StoredRecord dead, String id) {
        DlqFixture.put(store, ReplayMessages.build(dead, id, TOPIC, 2, TOPIC));
    }

    private void crashAndRestart() throws Exception {
        store.close();
        clock.advanceMs(1_000);
        store = DlqFixture.open(dir.resolve("store"), clock);
        office = DeadLetterOffice.start(store, clock);
    }

    private ReplayResult replay(String id) {
        return office.replay(GROUP, List.of(id), ReplayTarget.ORIGINAL_TOPIC, 1_000, topic -> 2)
                .get(0);
    }

    @Test
    void anAppendThatLandedIsNotAppendedAgain() throws Exception {
        String id = DlqFixture.deadLetter(store, "A");
        StoredRecord dead = recordIntent(id);
        appendReplay(dead, id);
        long landedAt = records(store, TOPIC, 2).get(0).physicalOffset();

        crashAndRestart();

        ReplayResult result = replay(id);
        assertThat(result.status()).isEqualTo(ReplayStatus.REPLAYED);
        assertThat(result.physicalOffset()).isEqualTo(landedAt);
        assertThat(result.reason()).contains("interrupted");
        assertThat(records(store, TOPIC, 2)).hasSize(1);
        assertThat(replay(id).status()).isEqualTo(ReplayStatus.ALREADY_REPLAYED);
        assertThat(records(store, TOPIC, 2)).hasSize(1);
        assertThat(office.view(GROUP, id).orElseThrow().replayedTo()).isEqualTo(TOPIC);
    }

    @Test
    void anAppendThatDidNotLandIsMadeOnce() throws Exception {
        String id = DlqFixture.deadLetter(store, "A");
        recordIntent(id);

        crashAndRestart();

        ReplayResult result = replay(id);
        assertThat(result.status()).isEqualTo(ReplayStatus.REPLAYED);
        assertThat(result.reason()).isEmpty();
        assertThat(records(store, TOPIC, 2)).hasSize(1);
        assertThat(replay(id).status()).isEqualTo(ReplayStatus.ALREADY_REPLAYED);
        assertThat(records(store, TOPIC, 2)).hasSize(1);
    }

    @Test
    void anotherRecordWithTheSameIdIsNotTakenForTheReplay() throws Exception {
        String id = DlqFixture.deadLetter(store, "A");
        recordIntent(id);
        // the producer sends the same message again (same UNIQ_KEY) after the intent: not a replay
        DlqFixture.put(store, DlqFixture.message(TOPIC, 2, "A again", id));

        crashAndRestart();

        ReplayResult result = replay(id);
        assertThat(result.status()).isEqualTo(ReplayStatus.REPLAYED);
        assertThat(result.reason()).isEmpty();
        assertThat(records(store, TOPIC, 2)).extracting(DlqFixture::body).containsExactly("A again", "A");
    }
}
