package io.ferrymq.client;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a consumer group starts on a queue it has no committed offset for yet. Note RocketMQ's rule,
 * which the broker applies: a young queue (still starting at offset 0) reports offset 0 to a new group
 * whatever is chosen here. Immutable.
 */
public final class ConsumeFrom {
    /** From the oldest message still stored. */
    public static final ConsumeFrom FIRST = new ConsumeFrom("CONSUME_FROM_FIRST_OFFSET", null);
    /** From the next message written. */
    public static final ConsumeFrom LAST = new ConsumeFrom("CONSUME_FROM_LAST_OFFSET", null);

    private final String wireName;
    private final Instant timestamp;

    private ConsumeFrom(String wireName, Instant timestamp) {
        this.wireName = wireName;
        this.timestamp = timestamp;
    }

    /** From the first message stored at or after {@code timestamp}. */
    public static ConsumeFrom timestamp(Instant timestamp) {
        return new ConsumeFrom("CONSUME_FROM_TIMESTAMP", Objects.requireNonNull(timestamp, "timestamp"));
    }

    /** RocketMQ's {@code consumeFromWhere} name, as sent in heartbeats. */
    public String wireName() {
        return wireName;
    }

    /** The timestamp of {@link #timestamp(Instant)}, else null. */
    public Instant timestampOrNull() {
        return timestamp;
    }

    @Override
    public String toString() {
        return timestamp == null ? wireName : wireName + "(" + timestamp + ")";
    }
}
