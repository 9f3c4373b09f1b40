package io.ferrymq.dlq.internal;

import io.ferrymq.consumequeue.BoundaryType;
import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.DeadLetter;
import io.ferrymq.dlq.RetryTopics;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a group's dead-letter queue for the admin tools: by store time (through the queue's time
 * search), by queue offset, and by message id (UNIQ_KEY through the key index, the newest dead letter
 * of that id; or an offset message id). Each message is shown with its replay state from the {@link
 * DlqLedger}. Only dispatched messages are visible.
 *
 * <p>Thread-safe: holds no mutable state.
 */
public final class DeadLetterReader {
    private static final int BATCH = 256;
    private static final int MAX_BATCH_BYTES = 16 << 20;

    private final MessageStore store;
    private final DlqLedger ledger;
    private final UniqueKeySearch search;

    public DeadLetterReader(MessageStore store, DlqLedger ledger) {
        this.store = store;
        this.ledger = ledger;
        this.search = new UniqueKeySearch(store);
    }

    /** Up to {@code max} dead letters of {@code group} stored within [beginMs, endMs], oldest first, without bodies. */
    public List<DeadLetter> list(String group, long beginMs, long endMs, int max) {
        String topic = RetryTopics.dlq(group);
        int queue = RetryTopics.DLQ_QUEUE_ID;
        List<DeadLetter> out = new ArrayList<>();
        StoredRecord record = new StoredRecord();
        long offset =
                Math.max(store.minOffset(topic, queue), store.offsetByTime(topic, queue, beginMs, BoundaryType.LOWER));
        while (out.size() < max && offset < store.maxOffset(topic, queue)) {
            GetResult got = store.get(
                    topic, queue, offset, Math.min(BATCH, max - out.size()), MAX_BATCH_BYTES, MessageFilter.ALL);
            if (got.messages().isEmpty()) {
                if (got.nextBeginOffset() <= offset) {
                    break;
                }
                offset = got.nextBeginOffset();
                continue;
            }
            for (ByteBuffer bytes : got.messages()) {
                record.wrap(bytes, 0);
                if (record.storeTimestamp() > endMs) {
                    return out;
                }
                if (record.storeTimestamp() >= beginMs) {
                    out.add(describe(group, record, false));
                }
            }
            offset = got.nextBeginOffset();
        }
        return out;
    }

    /** The dead letter at {@code queueOffset} of {@code group}'s DLQ, with its body. */
    public Optional<DeadLetter> view(String group, long queueOffset) {
        GetResult got = store.get(
                RetryTopics.dlq(group), RetryTopics.DLQ_QUEUE_ID, queueOffset, 1, MAX_BATCH_BYTES, MessageFilter.ALL);
        if (got.messages().isEmpty()) {
            return Optional.empty();
        }
        StoredRecord record = new StoredRecord().wrap(got.messages().get(0), 0);
        return record.queueOffset() == queueOffset ? Optional.of(describe(group, record, true)) : Optional.empty();
    }

    /** The newest dead letter of {@code group} with id {@code msgId}, with its body. */
    public Optional<DeadLetter> view(String group, String msgId) {
        ByteBuffer found = find(group, msgId);
        return found == null ? Optional.empty() : Optional.of(describe(group, new StoredRecord().wrap(found, 0), true));
    }

    /**
     * The newest record of {@code group}'s DLQ whose UNIQ_KEY is {@code msgId}, else the one {@code
     * msgId} names as an offset message id; null when there is none.
     */
    public ByteBuffer find(String group, String msgId) {
        String topic = RetryTopics.dlq(group);
        List<ByteBuffer> byKey = search.find(topic, msgId, 0);
        if (!byKey.isEmpty()) {
            return byKey.get(byKey.size() - 1);
        }
        if (msgId.length() != MessageIds.IPV4_ID_LENGTH && msgId.length() != MessageIds.IPV6_ID_LENGTH) {
            return null;
        }
        long physicalOffset;
        try {
            physicalOffset = MessageIds.decodeOffsetMessageId(msgId).physicalOffset();
        } catch (IllegalArgumentException notAnOffsetId) {
            return null;
        }
        ByteBuffer bytes = physicalOffset < 0 ? null : store.byPhysicalOffset(physicalOffset);
        return bytes != null && new StoredRecord().wrap(bytes, 0).topicEquals(topic) ? bytes : null;
    }

    /** The id a dead letter is known by: its UNIQ_KEY, else its offset message id. */
    public static String msgId(StoredRecord record) {
        String uniqKey = record.property(MessageProperty.UNIQ_KEY);
        return uniqKey != null ? uniqKey : record.offsetMessageId();
    }

    /** The original topic a dead letter names ({@code DLQ_ORIGIN_TOPIC}, else {@code RETRY_TOPIC}), or null. */
    public static String originTopic(Map<String, String> properties) {
        String topic = properties.get(MessageProperty.DLQ_ORIGIN_TOPIC);
        return topic != null ? topic : properties.get(MessageProperty.RETRY_TOPIC);
    }

    private DeadLetter describe(String group, StoredRecord record, boolean withBody) {
        Map<String, String> properties = record.properties();
        String msgId = msgId(record);
        String originMsgId = properties.getOrDefault(
                MessageProperty.ORIGIN_MESSAGE_ID,
                properties.getOrDefault(MessageProperty.DLQ_ORIGIN_MESSAGE_ID, msgId));
        byte[] body = null;
        if (withBody) {
            body = new byte[record.bodyLength()];
            record.buffer().get(record.bodyPosition(), body);
        }
        ReplayEntry replay = ledger.replay(record.physicalOffset());
        boolean done = replay != null && replay.done();
        return new DeadLetter(
                group,
                record.queueOffset(),
                record.physicalOffset(),
                msgId,
                originTopic(properties),
                originMsgId,
                record.reconsumeTimes(),
                record.bornTimestamp(),
                record.storeTimestamp(),
                record.bodyLength(),
                record.sysFlag(),
                properties,
                body,
                done ? replay.doneAtMs() : -1,
                done ? replay.targetTopic() : null);
    }
}
