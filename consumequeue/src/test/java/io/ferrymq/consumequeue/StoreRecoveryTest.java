package io.ferrymq.consumequeue;

import static io.ferrymq.consumequeue.MessageStoreTest.message;
import static io.ferrymq.consumequeue.MessageStoreTest.putAll;
import static io.ferrymq.consumequeue.StoreFixture.awaitDispatched;
import static io.ferrymq.consumequeue.StoreFixture.body;
import static io.ferrymq.consumequeue.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.commitlog.StoreCheckpoint;
import io.ferrymq.consumequeue.internal.IndexFileLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening after clean shutdowns and after damage to the consume queues, the index and the log's tail. */
class StoreRecoveryTest {
    private static final int COUNT = 400;

    @TempDir
    Path root;

    private List<AppendResult> fill() throws IOException {
        try (MessageStore store = StoreFixture.open(root)) {
            List<AppendResult> results = putAll(store, 0, COUNT);
            awaitDispatched(store);
            return results;
        }
    }

    /** Every message reads back by queue offset, physical offset, key and unique id. */
    private static void assertAllReadable(MessageStore store, List<AppendResult> results, int count) {
        for (int i = 0; i < count; i++) {
            MessageRecord source = message(i);
            AppendResult result = results.get(i);
            GetResult get =
                    store.get(source.topic(), source.queueId(), result.queueOffset(), 1, 1 << 20, MessageFilter.all());
            assertThat(get.status()).as("message %d", i).isEqualTo(GetStatus.FOUND);
            assertThat(record(get.messages().get(0)).physicalOffset()).isEqualTo(result.physicalOffset());
            assertThat(body(store.byPhysicalOffset(result.physicalOffset()))).isEqualTo("body-" + i);
            assertThat(store.byUniqueId(source.topic(), "U" + i))
                    .as("unique id of %d", i)
                    .isNotNull();
            assertThat(store.queryByKey(source.topic(), "k" + i, 4, 0, Long.MAX_VALUE)
                            .messages())
                    .hasSize(1);
        }
    }

    @Test
    void reopensQuicklyAndConsistentlyAfterACleanShutdown() throws Exception {
        List<AppendResult> results = fill();
        assertThat(root.resolve("abort")).doesNotExist();
        long started = System.nanoTime();
        try (MessageStore store = StoreFixture.open(root)) {
            long openMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(openMs).as("open after a clean shutdown, ms").isLessThan(1000);
            assertAllReadable(store, results, COUNT);
            AppendResult next = store.put(message(COUNT)).join();
            assertThat(next.queueOffset()).as("offsets continue").isEqualTo(COUNT / 12);
        }
    }

    @Test
    void rebuildsADeletedConsumeQueueFile() throws Exception {
        List<AppendResult> results = fill();
        Files.delete(root.resolve("consumequeue/Orders/0/00000000000000000320"));
        try (MessageStore store = StoreFixture.open(root)) {
            assertAllReadable(store, results, COUNT);
            assertThat(store.maxOffset("Orders", 0)).isEqualTo(34);
        }
    }

    @Test
    void rebuildsAConsumeQueueFileCutShortAndAWholeQueue() throws Exception {
        List<AppendResult> results = fill();
        try (FileChannel file = FileChannel.open(
                root.resolve("consumequeue/Payments/1/00000000000000000000"), StandardOpenOption.WRITE)) {
            file.truncate(20 * 5 + 3);
        }
        deleteTree(root.resolve("consumequeue/Orders/2"));
        try (MessageStore store = StoreFixture.open(root)) {
            assertAllReadable(store, results, COUNT);
            MessageRecord next = message(COUNT + 24);
            assertThat(next.topic() + "-" + next.queueId()).isEqualTo("Payments-1");
            assertThat(store.maxOffset("Payments", 1)).isEqualTo(33);
            assertThat(store.put(next).join().queueOffset())
                    .as("offsets continue")
                    .isEqualTo(33);
        }
    }

    @Test
    void rebuildsTheQueuesWhenRocksDbIsLostAndKeepsTheKeyIndex() throws Exception {
        List<AppendResult> results = fill();
        List<String> indexFiles = indexFiles();
        deleteTree(root.resolve("rocksdb"));
        try (MessageStore store = StoreFixture.open(root)) {
            assertAllReadable(store, results, COUNT);
        }
        assertThat(indexFiles()).as("replay skipped what the index held").isEqualTo(indexFiles);
    }

    @Test
    void reindexesTheKeysWhenTheIndexDirectoryIsDeleted() throws Exception {
        List<AppendResult> results = fill();
        assertThat(indexFiles()).hasSize(5);
        deleteTree(root.resolve("index"));
        try (MessageStore store = StoreFixture.open(root)) {
            assertAllReadable(store, results, COUNT);
        }
        assertThat(indexFiles()).hasSize(5);
    }

    @Test
    void replaysFromAnOlderCheckpointWithoutIndexingAKeyTwice() throws Exception {
        List<AppendResult> results = fill();
        StoreCheckpoint checkpoint = StoreCheckpoint.load(root.resolve("checkpoint"));
        checkpoint.indexed(results.get(COUNT / 2).physicalOffset(), checkpoint.indexedTimestampMs());
        checkpoint.persist();
        try (MessageStore store = StoreFixture.open(root)) {
            assertAllReadable(store, results, COUNT);
        }
        assertThat(indexedEntries()).as("three entries a message").isEqualTo(3 * COUNT);
    }

    @Test
    void dropsTheKeyIndexOfAnOlderBuildFromRocksDbAndReindexesTheLog() throws Exception {
        List<AppendResult> results = fill();
        // an older build kept keys in the RocksDB family "index" and had no index directory
        deleteTree(root.resolve("index"));
        try (StoreDb db = StoreDb.open(root.resolve("rocksdb"), List.of("index"))) {
            db.rocksDb().put(db.family("index"), new byte[] {1, 2, 3}, new byte[] {4});
        }
        try (MessageStore store = StoreFixture.open(root)) {
            assertAllReadable(store, results, COUNT);
        }
        try (org.rocksdb.Options options = new org.rocksdb.Options()) {
            assertThat(org.rocksdb.RocksDB.listColumnFamilies(
                            options, root.resolve("rocksdb").toString()))
                    .extracting(name -> new String(name, java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("index")
                    .contains("queues");
        }
        assertThat(indexedEntries()).isEqualTo(3 * COUNT);
    }

    private List<String> indexFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("index"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Entries counted in the index files' headers. */
    private long indexedEntries() throws IOException {
        long total = 0;
        for (String name : indexFiles()) {
            try (FileChannel file = FileChannel.open(root.resolve("index").resolve(name), StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(IndexFileLayout.HEADER_SIZE);
                file.read(header, 0);
                total += header.getInt(IndexFileLayout.ENTRY_COUNT_OFFSET);
            }
        }
        return total;
    }

    @Test
    void dropsEntriesPointingPastTheRecoveredEndOfTheLog() throws Exception {
        List<AppendResult> results = fill();
        AppendResult last = results.get(COUNT - 1);
        // pretend the last record was never forced: the checkpoint stops before it, its bytes are torn
        StoreCheckpoint checkpoint = StoreCheckpoint.load(root.resolve("checkpoint"));
        checkpoint.commitLogFlushed(last.physicalOffset(), checkpoint.commitLogFlushedTimestampMs());
        checkpoint.persist();
        flipLastByteOfBody(last);
        Files.createFile(root.resolve("abort"));

        MessageRecord lost = message(COUNT - 1);
        try (MessageStore store = StoreFixture.open(root)) {
            assertThat(store.commitLog().writtenOffset()).isEqualTo(last.physicalOffset());
            assertThat(store.maxOffset(lost.topic(), lost.queueId())).isEqualTo(last.queueOffset());
            assertThat(store.byUniqueId(lost.topic(), "U" + (COUNT - 1))).isNull();
            assertThat(store.byPhysicalOffset(last.physicalOffset())).isNull();
            assertAllReadable(store, results, COUNT - 1);
            AppendResult again = store.put(message(COUNT - 1)).join();
            assertThat(again.queueOffset()).as("the lost offset is given again").isEqualTo(last.queueOffset());
            awaitDispatched(store);
            assertThat(body(store.byUniqueId(lost.topic(), "U" + (COUNT - 1)))).isEqualTo("body-" + (COUNT - 1));
        }
    }

    private void flipLastByteOfBody(AppendResult last) throws IOException {
        long segment = last.physicalOffset() / StoreFixture.SEGMENT_BYTES * StoreFixture.SEGMENT_BYTES;
        Path file = root.resolve("commitlog").resolve(String.format("%020d", segment));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            ByteBuffer head = ByteBuffer.allocate(last.bytes());
            raf.getChannel().read(head, last.physicalOffset() - segment);
            int bodyEnd = record(head).bodyPosition() + record(head).bodyLength() - 1;
            raf.seek(last.physicalOffset() - segment + bodyEnd);
            int b = raf.read();
            raf.seek(last.physicalOffset() - segment + bodyEnd);
            raf.write(b ^ 0xFF);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
