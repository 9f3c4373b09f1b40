package io.ferrymq.dlq;

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
import java.net.InetSocketAddress;
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
 * A real store in a temp directory (small segments; store times from the given clock), and helpers to
 * send a message, let it fail until it is a dead letter, and read queues back.
 */
public final class DlqFixture {
    public static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 10911);
    public static final String GROUP = "cg";
    public static final String TOPIC = "Orders";

    private DlqFixture() {}

    public static StoreConfig config(Path root) {
        return StoreConfig.defaults(root)
                .withCommitLogSegmentSize(1024 * 1024)
                .withConsumeQueueEntriesPerFile(1_000)
                .withFlushIntervalConsumeQueueMs(20);
    }

    public static MessageStore open(Path root, Clock clock) throws IOException {
        return MessageStore.open(config(root), clock, dir -> 0.1);
    }

    public static EncodableMessage message(String topic, int queueId, String body, String uniqKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("UNIQ_KEY", uniqKey);
        properties.put("TAGS", "tag");
        properties.put("KEYS", "key-" + body);
        return EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .bornTimestamp(1_700_000_000_000L)
                .bornHost(new InetSocketAddress("10.0.0.5", 40000))
                .storeHost(BROKER)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .properties(properties)
                .build();
    }

    public static AppendResult put(MessageStore store, EncodableMessage message) {
        AppendResult result = store.put(new MessageRecord(message)).join();
        if (result.status() != AppendStatus.OK) {
            throw new IllegalStateException("append failed: " + result);
        }
        return result;
    }

    /** The dispatched record at {@code physicalOffset}. */
    public static StoredRecord read(MessageStore store, long physicalOffset) {
        awaitDispatched(store);
        ByteBuffer bytes = store.byPhysicalOffset(physicalOffset);
        if (bytes == null) {
            throw new IllegalStateException("nothing at " + physicalOffset);
        }
        return new StoredRecord().wrap(bytes, 0);
    }

    /**
     * Sends {@code body} (UNIQ_KEY {@code "ID-" + body}) to {@link #TOPIC} queue 1 and dead-letters it
     * for {@link #GROUP} as the broker would; returns its id.
     */
    public static String deadLetter(MessageStore store, String body) {
        String id = "ID-" + body;
        AppendResult sent = put(store, message(TOPIC, 1, body, id));
        StoredRecord failed = read(store, sent.physicalOffset());
        put(store, RetryRecords.deadLetter(failed, GROUP, id, BROKER));
        awaitDispatched(store);
        return id;
    }

    public static List<StoredRecord> records(MessageStore store, String topic, int queueId) {
        awaitDispatched(store);
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

    public static String body(StoredRecord record) {
        ByteBuffer body = record.bodySlice();
        byte[] out = new byte[body.remaining()];
        body.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }

    public static void awaitDispatched(MessageStore store) {
        until(() -> store.dispatchedOffset() >= store.commitLog().writtenOffset());
    }

    public static void until(BooleanSupplier condition) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(20))
                .until(condition::getAsBoolean);
    }
}
