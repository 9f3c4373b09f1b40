package io.ferrymq.consumequeue;

import static io.ferrymq.consumequeue.StoreFixture.awaitDispatched;
import static io.ferrymq.consumequeue.StoreFixture.body;
import static io.ferrymq.consumequeue.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {
    private static final String[] TOPICS = {"Orders", "Payments", "%RETRY%group"};
    private static final int QUEUES = 4;

    @TempDir
    Path root;

    private MessageStore store;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(root);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    /** Message i goes to topic i % 3, queue (i / 3) % 4, with key "k{i}", shared key "even"/"odd", uniq "U{i}". */
    static MessageRecord message(int i) {
        String keys = "k" + i + " " + (i % 2 == 0 ? "even" : "odd");
        return TestRecord.of(TOPICS[i % 3], (i / 3) % QUEUES, "body-" + i, keys, "U" + i, i % 5 == 0 ? "TagA" : "TagB");
    }

    static List<AppendResult> putAll(MessageStore store, int from, int to) {
        List<AppendResult> results = new ArrayList<>();
        for (int i = from; i < to; i++) {
            results.add(store.put(message(i)).join());
        }
        return results;
    }

    @Test
    void readsBackEveryMessageByQueueOffsetPhysicalOffsetKeyAndUniqueId() {
        List<AppendResult> results = putAll(store, 0, 300);
        awaitDispatched(store);
        assertThat(store.commitLog().writtenOffset()).isGreaterThan(2L * StoreFixture.SEGMENT_BYTES);
        for (int i = 0; i < 300; i++) {
            AppendResult result = results.get(i);
            String topic = TOPICS[i % 3];
            int queueId = (i / 3) % QUEUES;
            assertThat(result.status()).isEqualTo(AppendStatus.OK);
            assertThat(result.queueOffset()).isEqualTo(i / 12);

            GetResult get = store.get(topic, queueId, result.queueOffset(), 1, 1 << 20, MessageFilter.all());
            assertThat(get.status()).isEqualTo(GetStatus.FOUND);
            assertThat(body(get.messages().get(0))).isEqualTo("body-" + i);
            assertThat(record(get.messages().get(0)).queueOffset()).isEqualTo(i / 12);

            assertThat(body(store.byPhysicalOffset(result.physicalOffset()))).isEqualTo("body-" + i);
            assertThat(body(store.byUniqueId(topic, "U" + i))).isEqualTo("body-" + i);
            QueryResult byKey = store.queryByKey(topic, "k" + i, 32, 0, Long.MAX_VALUE);
            assertThat(byKey.messages()).hasSize(1);
            assertThat(body(byKey.messages().get(0))).isEqualTo("body-" + i);
            assertThat(store.queryByKey(topic, "U" + i, 32, 0, Long.MAX_VALUE).messages())
                    .hasSize(1);
        }
        for (String topic : TOPICS) {
            for (int q = 0; q < QUEUES; q++) {
                assertThat(store.minOffset(topic, q)).isZero();
                assertThat(store.maxOffset(topic, q)).isEqualTo(25);
            }
        }
        assertThat(store.byUniqueId("Orders", "U1"))
                .as("U1 is a Payments message")
                .isNull();
        assertThat(store.byPhysicalOffset(results.get(5).physicalOffset() + 1)).isNull();
        assertThat(store.byPhysicalOffset(store.commitLog().writtenOffset() + 10))
                .isNull();
    }

    @Test
    void readsABatchWithinCountAndByteLimits() {
        putAll(store, 0, 120);
        awaitDispatched(store);
        GetResult all = store.get("Orders", 0, 0, 32, 1 << 20, MessageFilter.all());
        assertThat(all.status()).isEqualTo(GetStatus.FOUND);
        assertThat(all.messageCount()).isEqualTo(10);
        assertThat(all.nextBeginOffset()).isEqualTo(10);
        assertThat(all.maxOffset()).isEqualTo(10);
        assertThat(all.messages()).allMatch(ByteBuffer::isReadOnly);

        GetResult three = store.get("Orders", 0, 2, 3, 1 << 20, MessageFilter.all());
        assertThat(three.messages()).extracting(b -> record(b).queueOffset()).containsExactly(2L, 3L, 4L);
        assertThat(three.nextBeginOffset()).isEqualTo(5);

        int twoRecords =
                all.messages().get(0).remaining() + all.messages().get(1).remaining();
        GetResult bytes = store.get("Orders", 0, 0, 32, twoRecords + 1, MessageFilter.all());
        assertThat(bytes.messageCount()).isEqualTo(2);
        assertThat(bytes.nextBeginOffset()).isEqualTo(2);
        assertThat(bytes.totalBytes())
                .isEqualTo(bytes.messages().stream()
                        .mapToInt(ByteBuffer::remaining)
                        .sum());

        GetResult oneTooBig = store.get("Orders", 0, 0, 32, 1, MessageFilter.all());
        assertThat(oneTooBig.messageCount()).as("the first record always goes").isEqualTo(1);
    }

    @Test
    void pullStatusesAndNextBeginOffsetsFollowTheWireTable() {
        putAll(store, 0, 120);
        awaitDispatched(store);
        GetResult unknown = store.get("Nope", 0, 5, 32, 1 << 20, MessageFilter.all());
        assertThat(unknown.status()).isEqualTo(GetStatus.NO_MATCHED_LOGIC_QUEUE);
        assertThat(unknown.nextBeginOffset()).isZero();

        GetResult caughtUp = store.get("Orders", 1, 10, 32, 1 << 20, MessageFilter.all());
        assertThat(caughtUp.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_ONE);
        assertThat(caughtUp.nextBeginOffset()).isEqualTo(10);

        GetResult badly = store.get("Orders", 1, 99, 32, 1 << 20, MessageFilter.all());
        assertThat(badly.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_BADLY);
        assertThat(badly.nextBeginOffset()).isEqualTo(10);
        assertThat(badly.minOffset()).isZero();
        assertThat(badly.maxOffset()).isEqualTo(10);

        GetResult negative = store.get("Orders", 1, -3, 32, 1 << 20, MessageFilter.all());
        assertThat(negative.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
        assertThat(negative.nextBeginOffset()).isZero();

        GetResult noMatch = store.get("Orders", 1, 0, 32, 1 << 20, MessageFilter.tags("NoSuchTag"));
        assertThat(noMatch.status()).isEqualTo(GetStatus.NO_MATCHED_MESSAGE);
        assertThat(noMatch.nextBeginOffset()).as("after the scanned range").isEqualTo(10);
    }

    @Test
    void filtersByTagsHashAndSkipsFilteredOffsets() {
        putAll(store, 0, 120);
        awaitDispatched(store);
        // Orders queue 0 holds messages i = 0, 3, 6, 9 (offsets 0..3), then 36, 39, ... ; TagA when i % 5 == 0
        GetResult tagA = store.get("Orders", 0, 0, 2, 1 << 20, MessageFilter.tags("TagA"));
        assertThat(tagA.status()).isEqualTo(GetStatus.FOUND);
        List<String> bodies = tagA.messages().stream().map(StoreFixture::body).toList();
        assertThat(bodies)
                .allMatch(b -> Integer.parseInt(b.substring(5)) % 5 == 0)
                .hasSize(2);
        long lastOffset = record(tagA.messages().get(1)).queueOffset();
        assertThat(tagA.nextBeginOffset()).isEqualTo(lastOffset + 1);
        GetResult both = store.get("Orders", 0, 0, 32, 1 << 20, MessageFilter.tags("TagA", "TagB"));
        assertThat(both.messageCount()).isEqualTo(10);
    }

    @Test
    void queriesByKeyWithinTimeAndCount() {
        List<AppendResult> results = putAll(store, 0, 60);
        awaitDispatched(store);
        QueryResult even = store.queryByKey("Orders", "even", 100, 0, Long.MAX_VALUE);
        assertThat(even.messages()).hasSize(10);
        assertThat(even.truncated()).isFalse();
        assertThat(even.messages()).allMatch(b -> record(b).topicEquals("Orders"));
        QueryResult cut = store.queryByKey("Orders", "even", 4, 0, Long.MAX_VALUE);
        assertThat(cut.messages()).hasSize(4);
        assertThat(cut.truncated()).isTrue();
        long first = results.get(0).storeTimestampMs();
        assertThat(store.queryByKey("Orders", "even", 100, 0, first - 1).messages())
                .isEmpty();
        assertThat(store.queryByKey("Orders", "k3", 100, first, Long.MAX_VALUE).messages())
                .hasSize(1);
        assertThat(cut.indexedOffset()).isEqualTo(store.commitLog().writtenOffset());
    }

    @Test
    void aMessageIsReadableWhenItsDispatchIsAnnounced() {
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Long> seen = new CopyOnWriteArrayList<>();
        store.addDispatchListener((topic, queueId, queueOffset, physicalOffset, size, storeMs, tags) -> {
            GetResult get = store.get(topic, queueId, queueOffset, 1, 1 << 20, MessageFilter.all());
            if (get.status() != GetStatus.FOUND || record(get.messages().get(0)).physicalOffset() != physicalOffset) {
                problems.add(topic + "-" + queueId + "@" + queueOffset + " " + get.status());
            }
            seen.add(physicalOffset);
        });
        List<AppendResult> results = putAll(store, 0, 100);
        // listeners are told after the dispatched offset moves: wait for the announcements themselves
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= results.size());
        assertThat(problems).isEmpty();
        assertThat(seen)
                .containsExactlyElementsOf(
                        results.stream().map(AppendResult::physicalOffset).toList());
    }

    @Test
    void readsNeverSeePastTheDispatchedOffset() throws Exception {
        Thread writer = new Thread(() -> putAll(store, 0, 600));
        writer.start();
        while (writer.isAlive()) {
            long dispatched = store.dispatchedOffset();
            GetResult get = store.get("Orders", 0, 0, 64, 1 << 20, MessageFilter.all());
            long limit = store.dispatchedOffset();
            for (ByteBuffer message : get.messages()) {
                assertThat(record(message).physicalOffset()).isLessThan(limit);
            }
            assertThat(get.maxOffset()).isLessThanOrEqualTo(store.maxOffset("Orders", 0));
            assertThat(dispatched).isLessThanOrEqualTo(store.commitLog().writtenOffset());
        }
        writer.join();
    }

    @Test
    void batchesGetConsecutiveOffsets() {
        List<MessageRecord> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(TestRecord.of("Batch", 2, "b" + i, "bk" + i, "BU" + i, null));
        }
        store.put(TestRecord.of("Batch", 2, "first")).join();
        AppendResult result = store.putBatch(batch).join();
        assertThat(result.queueOffset()).isEqualTo(1);
        awaitDispatched(store);
        GetResult get = store.get("Batch", 2, 1, 32, 1 << 20, MessageFilter.all());
        assertThat(get.messages()).extracting(StoreFixture::body).containsExactly("b0", "b1", "b2", "b3", "b4");
        assertThat(body(store.byUniqueId("Batch", "BU3"))).isEqualTo("b3");
    }

    @Test
    void searchesOffsetsByStoreTime() {
        List<AppendResult> results = putAll(store, 0, 48);
        awaitDispatched(store);
        StoredRecord record = new StoredRecord();
        long firstTime = results.get(0).storeTimestampMs();
        long lastTime = results.get(47).storeTimestampMs();
        assertThat(store.offsetByTime("Orders", 0, firstTime - 1, BoundaryType.LOWER))
                .isZero();
        assertThat(store.offsetByTime("Orders", 0, lastTime + 1, BoundaryType.LOWER))
                .isEqualTo(4);
        assertThat(store.offsetByTime("Orders", 0, lastTime + 1, BoundaryType.UPPER))
                .isEqualTo(4);
        for (long offset = 0; offset < 4; offset++) {
            ByteBuffer bytes = store.get("Orders", 0, offset, 1, 1 << 20, MessageFilter.all())
                    .messages()
                    .get(0);
            long time = record.wrap(bytes, 0).storeTimestamp();
            long lower = store.offsetByTime("Orders", 0, time, BoundaryType.LOWER);
            long upper = store.offsetByTime("Orders", 0, time, BoundaryType.UPPER);
            assertThat(lower).isLessThanOrEqualTo(offset);
            assertThat(upper).isGreaterThanOrEqualTo(offset);
        }
        assertThat(store.earliestStoreTime("Orders", 0)).isEqualTo(firstTime);
        assertThat(store.earliestStoreTime("Nope", 0)).isEqualTo(-1);
    }
}
