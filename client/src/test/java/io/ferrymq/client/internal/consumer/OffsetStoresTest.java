package io.ferrymq.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.MessageQueue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetStoresTest {
    private static final MessageQueue Q0 = new MessageQueue("T", "b", 0);
    private static final MessageQueue RETRY = new MessageQueue("%RETRY%g", "b", 0);

    @TempDir
    Path dir;

    @Test
    void localStoreSurvivesARestartAndNeverMovesBackWhenIncreaseOnly() {
        LocalOffsetStore store = new LocalOffsetStore(dir, "g");
        store.update(Q0, 10, false);
        store.update(Q0, 5, true);
        assertThat(store.read(Q0)).isEqualTo(10);
        store.persist(Set.of(Q0));

        LocalOffsetStore reopened = new LocalOffsetStore(dir, "g");
        reopened.load();
        assertThat(reopened.read(Q0)).isEqualTo(-1);
        assertThat(reopened.readStored(Q0)).isEqualTo(10);
        assertThat(reopened.readStored(new MessageQueue("T", "b", 1))).isEqualTo(-1);
        assertThat(dir.resolve("g").resolve("offsets.json")).exists();
    }

    private static StartOffsets.QueueOffsets broker(long max, long searched) {
        return new StartOffsets.QueueOffsets() {
            @Override
            public long maxOffset(MessageQueue queue) {
                return max;
            }

            @Override
            public long searchOffset(MessageQueue queue, long timestampMs) {
                return searched;
            }
        };
    }

    @Test
    void startOffsetFallsBackByConsumeFromWhenNothingIsStored() {
        LocalOffsetStore empty = new LocalOffsetStore(dir, "none");
        StartOffsets.QueueOffsets broker = broker(100, 42);
        assertThat(new StartOffsets(empty, broker, ConsumeFrom.FIRST).startOf(Q0))
                .isZero();
        assertThat(new StartOffsets(empty, broker, ConsumeFrom.LAST).startOf(Q0))
                .isEqualTo(100);
        assertThat(new StartOffsets(empty, broker, ConsumeFrom.LAST).startOf(RETRY))
                .isZero();
        ConsumeFrom time = ConsumeFrom.timestamp(Instant.ofEpochMilli(5));
        assertThat(new StartOffsets(empty, broker, time).startOf(Q0)).isEqualTo(42);
        assertThat(new StartOffsets(empty, broker, time).startOf(RETRY)).isEqualTo(100);
    }

    @Test
    void storedOffsetWins() {
        LocalOffsetStore store = new LocalOffsetStore(dir, "g2");
        store.update(Q0, 7, false);
        store.persist(Set.of(Q0));
        assertThat(new StartOffsets(store, broker(100, 42), ConsumeFrom.LAST).startOf(Q0))
                .isEqualTo(7);
    }
}
