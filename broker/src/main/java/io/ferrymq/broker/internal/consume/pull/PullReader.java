package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.broker.internal.consume.wire.RecordBodies;
import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullMessageRequestHeader;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reads a pull's batch from the store and maps it to §4.4's table: FOUND → 0 with the records
 * confirmed on their stored TAGS (none left → 20, never SUCCESS with an empty body, G9); scanned but
 * nothing matched, or records gone → 20; caught up, or an empty queue at offset 0 → 19 at the request
 * offset; out of range → 21 with the store's nextBeginOffset (min, max, or 0 for an empty queue).
 * Batches are capped as Apache caps reads from memory: {@value #MAX_MESSAGES} messages, {@value
 * #MAX_BYTES} bytes (or the client's smaller {@code maxMsgBytes}). Thread-safe; keeps no state.
 */
public final class PullReader {
    static final int MAX_MESSAGES = 32;
    static final int MAX_BYTES = 256 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final MessageStore store;
    private final IntConsumer transferred;

    /** {@code transferred} hears how many messages each answer hands over (the broker's traffic counts). */
    public PullReader(MessageStore store, IntConsumer transferred) {
        this.store = store;
        this.transferred = transferred;
    }

    /** Reads the pull's batch and answers it: {@link #answer}({@link #get}). */
    public PullAnswer read(PullMessageRequestHeader header, TagExpression expression) {
        return answer(header, get(header, expression), expression);
    }

    /**
     * The pull's batch as the store returns it: views of the records, none of their bytes touched yet
     * (only the consume queue's entries were read).
     */
    public GetResult get(PullMessageRequestHeader header, TagExpression expression) {
        int maxCount = Math.max(1, Math.min(header.maxMsgNums(), MAX_MESSAGES));
        Integer wantedBytes = header.maxMsgBytes();
        int maxBytes = wantedBytes != null && wantedBytes > 0 ? Math.min(wantedBytes, MAX_BYTES) : MAX_BYTES;
        return store.get(
                header.topic(), header.queueId(), header.queueOffset(), maxCount, maxBytes, expression.filter());
    }

    /** Maps {@code result} to the pull's answer, copying the records' bytes into its body. */
    public PullAnswer answer(PullMessageRequestHeader header, GetResult result, TagExpression expression) {
        return switch (result.status()) {
            case FOUND -> found(result, expression);
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING, OFFSET_FOUND_NULL ->
                answer(ResponseCode.PULL_RETRY_IMMEDIATELY, result, NO_BODY);
            case OFFSET_OVERFLOW_ONE -> answer(ResponseCode.PULL_NOT_FOUND, result, NO_BODY);
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE ->
                header.queueOffset() == 0
                        ? answer(ResponseCode.PULL_NOT_FOUND, result, NO_BODY)
                        : answer(ResponseCode.PULL_OFFSET_MOVED, result, NO_BODY);
            case OFFSET_OVERFLOW_BADLY, OFFSET_TOO_SMALL -> answer(ResponseCode.PULL_OFFSET_MOVED, result, NO_BODY);
        };
    }

    private PullAnswer found(GetResult result, TagExpression expression) {
        List<ByteBuffer> records = result.messages();
        if (!expression.matchesAll()) {
            records = confirmed(records, expression);
        }
        if (records.isEmpty()) {
            return answer(ResponseCode.PULL_RETRY_IMMEDIATELY, result, NO_BODY);
        }
        transferred.accept(records.size());
        return answer(ResponseCode.SUCCESS, result, RecordBodies.concat(records));
    }

    private static List<ByteBuffer> confirmed(List<ByteBuffer> records, TagExpression expression) {
        StoredRecord view = new StoredRecord();
        List<ByteBuffer> kept = new ArrayList<>(records.size());
        for (ByteBuffer record : records) {
            if (expression.accepts(view.wrap(record, record.position()).property(MessageProperty.TAGS))) {
                kept.add(record);
            }
        }
        return kept;
    }

    private static PullAnswer answer(int code, GetResult result, byte[] body) {
        return new PullAnswer(
                code, result.status().name(), result.nextBeginOffset(), result.minOffset(), result.maxOffset(), body);
    }
}
