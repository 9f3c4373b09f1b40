package io.ferrymq.scheduler.internal;

import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.PropertySplit;
import java.util.List;

/**
 * The scheduler's {@link PropertySplit}: drops the properties it owns ({@code DELAY}, {@code
 * REAL_TOPIC}, {@code REAL_QID} and every {@code TIMER_*}), keeps the rest, and notes {@code
 * REAL_TOPIC}, {@code REAL_QID}, {@code UNIQ_KEY} and {@code TIMER_OUT_MS}.
 *
 * <p>Reusable and allocation-free once grown; not thread-safe.
 */
public final class PropertyScan {
    private static final int REAL_TOPIC = 0;
    private static final int REAL_QID = 1;
    private static final int UNIQ_KEY = 2;
    private static final int TIMER_OUT_MS = 3;

    private final PropertySplit split = new PropertySplit(
            List.of(MessageProperty.DELAY, MessageProperty.REAL_TOPIC, MessageProperty.REAL_QID),
            List.of("TIMER_"),
            List.of(
                    MessageProperty.REAL_TOPIC,
                    MessageProperty.REAL_QID,
                    MessageProperty.UNIQ_KEY,
                    MessageProperty.TIMER_OUT_MS));

    /** Scans {@code properties[offset, offset + length)}; the array must not change while in use. */
    public PropertyScan scan(byte[] properties, int offset, int length) {
        split.scan(properties, offset, length);
        return this;
    }

    /** The split underneath: what a {@code RecordRewrite} writes as the kept properties. */
    public PropertySplit split() {
        return split;
    }

    /** The kept properties as a new array. */
    public byte[] keptBytes() {
        return split.keptBytes();
    }

    /** (position << 32 | length) of REAL_TOPIC's value, or {@code MessageProperties.NOT_FOUND}. */
    public long realTopicRange() {
        return split.range(REAL_TOPIC);
    }

    public String realTopic() {
        return split.string(REAL_TOPIC);
    }

    public String uniqKey() {
        return split.string(UNIQ_KEY);
    }

    /** REAL_QID, or 0 when absent or not a number. */
    public int realQueueId() {
        long parsed = split.number(REAL_QID);
        return parsed < 0 || parsed > Integer.MAX_VALUE ? 0 : (int) parsed;
    }

    /** TIMER_OUT_MS, or -1 when absent or not a number. */
    public long timerOutMs() {
        return split.number(TIMER_OUT_MS);
    }
}
