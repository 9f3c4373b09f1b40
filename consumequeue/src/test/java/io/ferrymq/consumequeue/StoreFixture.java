package io.ferrymq.consumequeue;

import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.protocol.message.StoredRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Small-segment store settings and helpers shared by the store tests. */
final class StoreFixture {
    static final int SEGMENT_BYTES = 16 * 1024;
    static final int CQ_ENTRIES_PER_FILE = 16;
    /** Small key-index files: the usual 400-message fill spreads its 1,200 entries over five of them. */
    static final int INDEX_SLOTS = 64;

    static final int INDEX_ENTRIES_PER_FILE = 256;

    private StoreFixture() {}

    static StoreConfig config(Path root) {
        return StoreConfig.defaults(root)
                .withCommitLogSegmentSize(SEGMENT_BYTES)
                .withConsumeQueueEntriesPerFile(CQ_ENTRIES_PER_FILE)
                .withFlushIntervalConsumeQueueMs(20)
                .withIndex(INDEX_SLOTS, INDEX_ENTRIES_PER_FILE);
    }

    static MessageStore open(Path root) throws IOException {
        return MessageStore.open(config(root), Clock.systemUTC(), dir -> 0.1);
    }

    static MessageStore open(Path root, Clock clock, DiskUsageProbe probe) throws IOException {
        return MessageStore.open(config(root), clock, probe);
    }

    static void awaitDispatched(MessageStore store) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> store.dispatchedOffset() == store.commitLog().writtenOffset());
    }

    static StoredRecord record(ByteBuffer bytes) {
        return new StoredRecord().wrap(bytes, 0);
    }

    static String body(ByteBuffer bytes) {
        StoredRecord record = record(bytes);
        ByteBuffer body = record.bodySlice();
        byte[] out = new byte[body.remaining()];
        body.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
