package io.ferrymq.transaction.internal;

import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.PropertySplit;
import java.util.List;

/**
 * The transaction module's {@link PropertySplit} over a half message's properties: drops the ones
 * it owns ({@code TRAN_MSG}, {@code REAL_TOPIC}, {@code REAL_QID}) and keeps the rest (the properties
 * a committed message is delivered with), noting {@code REAL_TOPIC}, {@code REAL_QID}, {@code PGROUP},
 * {@code UNIQ_KEY} and {@code CHECK_IMMUNITY_TIME_IN_SECONDS}.
 *
 * <p>Reusable and allocation-free once grown; not thread-safe.
 */
public final class HalfPropertyScan {
    private static final int REAL_TOPIC = 0;
    private static final int REAL_QID = 1;
    private static final int PGROUP = 2;
    private static final int UNIQ_KEY = 3;
    private static final int IMMUNITY = 4;

    private final PropertySplit split = new PropertySplit(
            List.of(MessageProperty.TRAN_MSG, MessageProperty.REAL_TOPIC, MessageProperty.REAL_QID),
            List.of(),
            List.of(
                    MessageProperty.REAL_TOPIC,
                    MessageProperty.REAL_QID,
                    MessageProperty.PGROUP,
                    MessageProperty.UNIQ_KEY,
                    MessageProperty.CHECK_IMMUNITY_TIME_IN_SECONDS));

    /** Scans {@code properties[offset, offset + length)}; the array must not change while in use. */
    public HalfPropertyScan scan(byte[] properties, int offset, int length) {
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

    public boolean hasRealTopic() {
        return split.range(REAL_TOPIC) != MessageProperties.NOT_FOUND;
    }

    /** REAL_TOPIC, or null; allocates. */
    public String realTopic() {
        return split.string(REAL_TOPIC);
    }

    /** REAL_QID, or 0 when absent or not a number. */
    public int realQueueId() {
        long parsed = split.number(REAL_QID);
        return parsed < 0 || parsed > Integer.MAX_VALUE ? 0 : (int) parsed;
    }

    /** PGROUP, or null; allocates. */
    public String producerGroup() {
        return split.string(PGROUP);
    }

    /** UNIQ_KEY, or null; allocates. */
    public String uniqKey() {
        return split.string(UNIQ_KEY);
    }

    /** CHECK_IMMUNITY_TIME_IN_SECONDS in ms, or 0 when absent or not a number. */
    public long immunityMs() {
        long seconds = split.number(IMMUNITY);
        return seconds <= 0 ? 0 : seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
    }
}
