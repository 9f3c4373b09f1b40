package io.ferrymq.consumequeue;

import static io.ferrymq.consumequeue.MessageStoreTest.message;
import static io.ferrymq.consumequeue.MessageStoreTest.putAll;
import static io.ferrymq.consumequeue.StoreFixture.awaitDispatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.MessageRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the commit log deletes old segments, queues and the key index forget what they held. */
class RetentionTest {
    @TempDir
    Path root;

    private List<String> indexFiles() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(root.resolve("index"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void queuesAndIndexForgetDeletedSegments() throws Exception {
        AtomicReference<Double> used = new AtomicReference<>(0.1);
        DiskUsageProbe probe = dir -> used.get();
        try (MessageStore store = StoreFixture.open(root, Clock.systemUTC(), probe)) {
            List<AppendResult> results = putAll(store, 0, 400);
            awaitDispatched(store);
            long written = store.commitLog().writtenOffset();

            used.set(0.8); // above diskMaxUsedSpaceRatio: every segment but the newest goes
            await().atMost(Duration.ofSeconds(10)).until(() -> store.commitLog().minOffset() > 0);
            used.set(0.1);
            long logMin = store.commitLog().minOffset();
            assertThat(logMin).isLessThan(written);

            int gone = 0;
            for (int i = 0; i < 400; i++) {
                MessageRecord source = message(i);
                AppendResult result = results.get(i);
                if (result.physicalOffset() >= logMin) {
                    continue;
                }
                gone++;
                int index = i;
                await().pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(5))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> store.minOffset(source.topic(), source.queueId()) > result.queueOffset());
                GetResult get = store.get(
                        source.topic(), source.queueId(), result.queueOffset(), 1, 1 << 20, MessageFilter.all());
                assertThat(get.status()).as("message %d", index).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
                assertThat(get.nextBeginOffset()).isEqualTo(store.minOffset(source.topic(), source.queueId()));
                assertThat(store.byUniqueId(source.topic(), "U" + i)).isNull();
                assertThat(store.queryByKey(source.topic(), "k" + i, 4, 0, Long.MAX_VALUE)
                                .messages())
                        .isEmpty();
                assertThat(store.byPhysicalOffset(result.physicalOffset())).isNull();
            }
            assertThat(gone).isGreaterThan(100);
            assertThat(indexFiles())
                    .as("key-index files pointing only below the log's min offset are deleted")
                    .hasSizeLessThan(5)
                    .contains("00000000000000000004");
            AppendResult kept = results.get(399);
            assertThat(store.byUniqueId(message(399).topic(), "U399")).isNotNull();
            assertThat(kept.physicalOffset()).isGreaterThanOrEqualTo(logMin);
        }
        try (MessageStore reopened = StoreFixture.open(root)) {
            long logMin = reopened.commitLog().minOffset();
            for (String topic : List.of("Orders", "Payments")) {
                for (int q = 0; q < 4; q++) {
                    long min = reopened.minOffset(topic, q);
                    if (min < reopened.maxOffset(topic, q)) {
                        GetResult first = reopened.get(topic, q, min, 1, 1 << 20, MessageFilter.all());
                        assertThat(StoreFixture.record(first.messages().get(0)).physicalOffset())
                                .isGreaterThanOrEqualTo(logMin);
                    }
                }
            }
        }
    }
}
