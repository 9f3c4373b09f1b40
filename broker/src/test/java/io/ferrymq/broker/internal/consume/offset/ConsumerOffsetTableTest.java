package io.ferrymq.broker.internal.consume.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.StoreDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetTableTest {
    @TempDir
    Path dir;

    private StoreDb open() {
        return StoreDb.open(dir, List.of(ConsumerOffsetTable.FAMILY));
    }

    @Test
    void commitsAreReadAtOnceAndPersistedByFlush() {
        try (StoreDb db = open()) {
            ConsumerOffsetTable table = new ConsumerOffsetTable(db);
            table.commit("g", "T", 0, 7);
            table.commit("g", "T", 1, 9);
            assertThat(table.find("g", "T", 0)).isEqualTo(OptionalLong.of(7));
            assertThat(table.unflushed()).isEqualTo(2);
        }
        try (StoreDb db = open()) {
            ConsumerOffsetTable table = new ConsumerOffsetTable(db);
            assertThat(table.find("g", "T", 0)).as("never flushed").isEmpty();
            table.commit("g", "T", 0, 7);
            table.commit("g", "T", 0, 8);
            table.commit("g", "T", 1, 9);
            assertThat(table.flush()).isEqualTo(2);
            assertThat(table.unflushed()).isZero();
            assertThat(table.flush()).as("nothing new").isZero();
            table.commit("g", "T", 1, 9);
            assertThat(table.unflushed()).as("an unchanged offset is not dirty").isZero();
        }
        try (StoreDb db = open()) {
            ConsumerOffsetTable table = new ConsumerOffsetTable(db);
            assertThat(table.find("g", "T", 0)).as("the last commit").isEqualTo(OptionalLong.of(8));
            assertThat(table.find("g", "T", 1)).isEqualTo(OptionalLong.of(9));
        }
    }

    @Test
    void aDeletedGroupOrTopicIsNotWrittenBackByALaterFlush() {
        try (StoreDb db = open()) {
            ConsumerOffsetTable table = new ConsumerOffsetTable(db);
            table.commit("gone", "T", 0, 5);
            table.commit("kept", "T", 0, 6);
            table.commit("kept", "Dropped", 0, 3);
            table.flush();
            table.commit("gone", "T", 0, 11);
            table.commit("kept", "Dropped", 0, 4);
            table.deleteGroup("gone");
            table.deleteTopic("Dropped");
            table.flush();
            assertThat(table.find("gone", "T", 0)).isEmpty();
        }
        try (StoreDb db = open()) {
            ConsumerOffsetTable table = new ConsumerOffsetTable(db);
            assertThat(table.all()).containsOnlyKeys("T@kept");
            assertThat(table.find("kept", "T", 0)).isEqualTo(OptionalLong.of(6));
        }
    }

    @Test
    void flushesBesideCommittingThreadsEndWithTheLastValues() throws Exception {
        int queues = 8;
        long[] last = new long[queues];
        try (StoreDb db = open()) {
            ConsumerOffsetTable table = new ConsumerOffsetTable(db);
            AtomicBoolean stop = new AtomicBoolean();
            Thread flusher = new Thread(() -> {
                while (!stop.get()) {
                    table.flush();
                }
            });
            flusher.start();
            List<Thread> committers = new ArrayList<>();
            for (int q = 0; q < queues; q++) {
                int queue = q;
                Thread committer = new Thread(() -> {
                    for (long offset = 1; offset <= 20_000; offset++) {
                        table.commit("g", "T", queue, offset);
                    }
                    last[queue] = 20_000;
                });
                committer.start();
                committers.add(committer);
            }
            for (Thread committer : committers) {
                committer.join();
            }
            stop.set(true);
            flusher.join();
            table.flush();
        }
        try (StoreDb db = open()) {
            Map<Integer, Long> stored = new ConsumerOffsetTable(db).ofGroup("g").get("T");
            for (int q = 0; q < queues; q++) {
                assertThat(stored.get(q)).as("queue %d", q).isEqualTo(last[q]);
            }
        }
    }
}
