package io.ferrymq.consumequeue;

import static io.ferrymq.consumequeue.StoreFixture.awaitDispatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueTailTest {
    @TempDir
    Path root;

    private final List<String> seen = new ArrayList<>();
    private final Consumer<StoredRecord> collect = record -> {
        ByteBuffer body = record.bodySlice();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        seen.add(new String(bytes, StandardCharsets.UTF_8));
    };

    @Test
    void readsTheQueueInOrderBatchByBatch() throws Exception {
        try (MessageStore store = StoreFixture.open(root)) {
            putAll(store, 10);
            awaitDispatched(store);
            QueueTail tail = new QueueTail(store, "Tail", 1, "nothing");

            assertThat(tail.read(0, 4, collect)).isEqualTo(4);
            assertThat(seen).containsExactly("m0", "m1", "m2", "m3");
            assertThat(tail.read(4, 100, collect)).isEqualTo(10);
            assertThat(seen).hasSize(10).endsWith("m8", "m9");
            assertThat(tail.read(10, 4, collect)).as("caught up").isEqualTo(10);
            assertThat(seen).hasSize(10);
        }
    }

    @Test
    void anOffsetPastTheEndGoesBackToTheEnd() throws Exception {
        try (MessageStore store = StoreFixture.open(root)) {
            putAll(store, 3);
            awaitDispatched(store);

            assertThat(new QueueTail(store, "Tail", 1, "nothing").read(50, 4, collect))
                    .isEqualTo(3);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void offsetsWhoseRecordsAreGoneAreSkipped() throws Exception {
        AtomicReference<Double> used = new AtomicReference<>(0.1);
        DiskUsageProbe probe = dir -> used.get();
        try (MessageStore store = StoreFixture.open(root, Clock.systemUTC(), probe)) {
            putAll(store, 300);
            awaitDispatched(store);
            used.set(0.8); // above diskMaxUsedSpaceRatio: every segment but the newest goes
            await().atMost(Duration.ofSeconds(10)).until(() -> store.minOffset("Tail", 1) > 0);
            used.set(0.1);
            long min = store.minOffset("Tail", 1);

            assertThat(new QueueTail(store, "Tail", 1, "test records are lost").read(0, 4, collect))
                    .isEqualTo(min);
            assertThat(seen).isEmpty();
        }
    }

    private static void putAll(MessageStore store, int count) {
        for (int i = 0; i < count; i++) {
            store.put(TestRecord.of("Tail", 1, "m" + i)).join();
        }
    }
}
