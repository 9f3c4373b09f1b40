package io.ferrymq.scheduler;

import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.StoredRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A real store in a temp directory (small segments, system clock) and helpers to park and read messages. */
final class SchedulerFixture {
    static final int SEGMENT_BYTES = 1024 * 1024;

    private SchedulerFixture() {}

    static StoreConfig config(Path root) {
        return StoreConfig.defaults(root)
                .withCommitLogSegmentSize(SEGMENT_BYTES)
                .withConsumeQueueEntriesPerFile(1_000)
                .withFlushIntervalConsumeQueueMs(20);
    }

    static MessageStore open(Path root) throws IOException {
        return MessageStore.open(config(root), Clock.systemUTC(), dir -> 0.1);
    }

    static EncodableMessage message(String topic, int queueId, String body, String uniqKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (uniqKey != null) {
            properties.put("UNIQ_KEY", uniqKey);
        }
        properties.put("TAGS", "tag");
        properties.put("TIMER_DELAY_MS", "1000");
        return EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .bornTimestamp(1)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
    }

    /** Appends {@code body} parked until {@code deliverAtMs}, with UNIQ_KEY = body; returns its commit-log offset. */
    static long park(MessageStore store, String topic, int queueId, String body, long deliverAtMs) {
        return park(store, message(topic, queueId, body, body), deliverAtMs);
    }

    static long park(MessageStore store, EncodableMessage message, long deliverAtMs) {
        AppendResult result = store.put(new MessageRecord(TimerRecords.schedule(message, deliverAtMs)))
                .join();
        if (result.status() != AppendStatus.OK) {
            throw new IllegalStateException("park failed: " + result);
        }
        return result.physicalOffset();
    }

    /** Bodies of every dispatched record of the queue, in queue order. */
    static List<String> bodies(MessageStore store, String topic, int queueId) {
        List<String> bodies = new ArrayList<>();
        for (StoredRecord record : records(store, topic, queueId)) {
            bodies.add(body(record));
        }
        return bodies;
    }

    static List<StoredRecord> records(MessageStore store, String topic, int queueId) {
        List<StoredRecord> records = new ArrayList<>();
        long offset = store.minOffset(topic, queueId);
        while (true) {
            GetResult got = store.get(topic, queueId, offset, 1_000, 64 << 20, MessageFilter.ALL);
            if (got.messages().isEmpty()) {
                return records;
            }
            for (ByteBuffer bytes : got.messages()) {
                records.add(new StoredRecord().wrap(bytes, 0));
            }
            offset = got.nextBeginOffset();
        }
    }

    static String body(StoredRecord record) {
        ByteBuffer body = record.bodySlice();
        byte[] out = new byte[body.remaining()];
        body.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }

    static void awaitDispatched(MessageStore store) {
        until(() -> store.dispatchedOffset() >= store.commitLog().writtenOffset());
    }

    static void until(BooleanSupplier condition) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(20))
                .until(condition::getAsBoolean);
    }
}
