package io.ferrymq.consumequeue;

import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one queue in order from an offset its caller keeps, for the modules that index a system topic
 * of their own (the timer topic, the half topic): each {@link #read} hands the records from that
 * offset on to a visitor and returns the offset to go on from. Offsets with no readable record
 * (removed segments, a hole) are skipped with an error naming what was lost; an offset past the
 * queue's end (the log lost its tail) goes back to the end, with a warning.
 *
 * <p>Not thread-safe: one reading thread, which the visitor runs on. The record handed over is reused
 * by the next one.
 */
public final class QueueTail {
    private static final Logger LOG = LoggerFactory.getLogger(QueueTail.class);
    private static final int MAX_BYTES_PER_READ = 64 * 1024 * 1024;

    private final MessageStore store;
    private final String topic;
    private final int queueId;
    private final String lostWhenSkipped;
    private final StoredRecord record = new StoredRecord();

    /**
     * A tail of {@code topic}'s queue {@code queueId}; {@code lostWhenSkipped} says in the error what
     * skipped offsets cost (e.g. "their timers are lost").
     */
    public QueueTail(MessageStore store, String topic, int queueId, String lostWhenSkipped) {
        this.store = store;
        this.topic = topic;
        this.queueId = queueId;
        this.lostWhenSkipped = lostWhenSkipped;
    }

    /**
     * Hands up to {@code maxCount} records from queue offset {@code from} on to {@code visitor}, in
     * order; returns the offset to read from next ({@code from} itself when there was nothing).
     */
    public long read(long from, int maxCount, Consumer<StoredRecord> visitor) {
        GetResult result = store.get(topic, queueId, from, maxCount, MAX_BYTES_PER_READ, MessageFilter.ALL);
        return switch (result.status()) {
            case FOUND -> {
                for (ByteBuffer bytes : result.messages()) {
                    visitor.accept(record.wrap(bytes, 0));
                }
                yield result.nextBeginOffset();
            }
            case OFFSET_TOO_SMALL, MESSAGE_WAS_REMOVING, OFFSET_FOUND_NULL, NO_MATCHED_MESSAGE -> {
                LOG.error(
                        "{} queue offsets {}..{} have no readable record ({}): {}",
                        topic,
                        from,
                        result.nextBeginOffset(),
                        result.status(),
                        lostWhenSkipped);
                yield result.nextBeginOffset();
            }
            case OFFSET_OVERFLOW_BADLY -> {
                LOG.warn(
                        "{} progress {} is past the queue's end {} (the log lost its tail?): reading resumes from the end",
                        topic,
                        from,
                        result.maxOffset());
                yield result.maxOffset();
            }
            default -> from;
        };
    }
}
