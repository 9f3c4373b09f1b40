package io.ferrymq.transaction;

import static org.awaitility.Awaitility.await;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageSysFlag;
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

/**
 * A real store in a temp directory (small segments) on the test's manual clock, and helpers to store
 * half messages and read what reached a real topic.
 */
final class TxFixture {
    static final int SEGMENT_BYTES = 1024 * 1024;
    static final String GROUP = "tx-group";

    private TxFixture() {}

    static StoreConfig config(Path root) {
        return StoreConfig.defaults(root)
                .withCommitLogSegmentSize(SEGMENT_BYTES)
                .withConsumeQueueEntriesPerFile(1_000)
                .withFlushIntervalConsumeQueueMs(20);
    }

    static MessageStore open(Path root, Clock clock) throws IOException {
        return MessageStore.open(config(root), clock, dir -> 0.1);
    }

    /** A transactional send as the client makes it: TRAN_MSG, PGROUP, UNIQ_KEY = id, prepared sysFlag. */
    static EncodableMessage message(String topic, int queueId, String body, String id, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TRAN_MSG", "true");
        properties.put("PGROUP", GROUP);
        if (id != null) {
            properties.put("UNIQ_KEY", id);
        }
        properties.put("TAGS", "tag-a");
        properties.put("KEYS", "order-" + body);
        properties.putAll(extra);
        return EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .flag(7)
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
                .bornTimestamp(1_700_000_000_000L)
                .bornHost(new byte[] {10, 0, 0, 5}, 54321)
                .storeHost(new byte[] {127, 0, 0, 1}, 10911)
                .reconsumeTimes(0)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
    }

    /** Stores {@code body} as a half for Orders:{@code queueId} with UNIQ_KEY "id-" + body; returns its offset. */
    static long sendHalf(MessageStore store, int queueId, String body) {
        return sendHalf(store, message("Orders", queueId, body, "id-" + body, Map.of()));
    }

    static long sendHalf(MessageStore store, EncodableMessage message) {
        AppendResult result =
                store.put(new MessageRecord(HalfRecords.half(message))).join();
        if (result.status() != AppendStatus.OK) {
            throw new IllegalStateException("half send failed: " + result);
        }
        return result.physicalOffset();
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

    static List<String> bodies(MessageStore store, String topic, int queueId) {
        List<String> bodies = new ArrayList<>();
        for (StoredRecord record : records(store, topic, queueId)) {
            bodies.add(body(record));
        }
        return bodies;
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

    /** Wakes the coordinator and waits until it has run a whole step that began after the wake. */
    static void step(TransactionCoordinator coordinator) {
        long before = coordinator.steps();
        coordinator.wake();
        until(() -> coordinator.steps() >= before + 2);
    }

    static void until(BooleanSupplier condition) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(20))
                .until(condition::getAsBoolean);
    }
}
