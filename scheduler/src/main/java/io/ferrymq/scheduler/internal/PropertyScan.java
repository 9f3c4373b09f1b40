package io.ferrymq.scheduler.internal;

import io.ferrymq.protocol.message.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One pass over an encoded property string (wire-protocol §6.4) that splits it into the properties
 * the scheduler owns ({@code DELAY}, {@code REAL_TOPIC}, {@code REAL_QID} and every {@code TIMER_*})
 * and the rest, and notes where the values of {@code REAL_TOPIC}, {@code REAL_QID}, {@code UNIQ_KEY}
 * and {@code TIMER_OUT_MS} lie (the last occurrence wins, as for the client). Segments that are not a
 * well-formed {@code name 0x01 value} are dropped. {@link #writeKept} writes the rest in the 5.x form.
 *
 * <p>Reusable and allocation-free once its range array has grown; not thread-safe.
 */
public final class PropertyScan {
    private static final byte[] DELAY = bytes("DELAY");
    private static final byte[] REAL_TOPIC = bytes("REAL_TOPIC");
    private static final byte[] REAL_QID = bytes("REAL_QID");
    private static final byte[] UNIQ_KEY = bytes("UNIQ_KEY");
    private static final byte[] TIMER_OUT_MS = bytes("TIMER_OUT_MS");
    private static final byte[] TIMER_PREFIX = bytes("TIMER_");

    private byte[] source;
    private int[] kept = new int[32];
    private int keptCount;
    private int keptLength;
    private long realTopic;
    private long realQueueId;
    private long uniqKey;
    private long timerOut;

    /** Scans {@code properties[offset, offset + length)}; the array must not change while in use. */
    public PropertyScan scan(byte[] properties, int offset, int length) {
        source = properties;
        keptCount = 0;
        keptLength = 0;
        realTopic = realQueueId = uniqKey = timerOut = MessageProperties.NOT_FOUND;
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int segmentEnd = indexOf(properties, start, end, MessageProperties.PROPERTY_SEPARATOR);
            int separator = indexOf(properties, start, segmentEnd, MessageProperties.NAME_VALUE_SEPARATOR);
            if (separator > start && separator < segmentEnd - 1) {
                classify(properties, start, separator, segmentEnd);
            }
            start = segmentEnd + 1;
        }
        return this;
    }

    private void classify(byte[] p, int start, int separator, int end) {
        long value = ((long) (separator + 1) << 32) | (end - separator - 1);
        int nameLength = separator - start;
        if (equals(p, start, nameLength, REAL_TOPIC)) {
            realTopic = value;
        } else if (equals(p, start, nameLength, REAL_QID)) {
            realQueueId = value;
        } else if (equals(p, start, nameLength, TIMER_OUT_MS)) {
            timerOut = value;
        } else if (!equals(p, start, nameLength, DELAY) && !startsWith(p, start, nameLength, TIMER_PREFIX)) {
            if (equals(p, start, nameLength, UNIQ_KEY)) {
                uniqKey = value;
            }
            keep(start, end);
        }
    }

    private void keep(int start, int end) {
        if (keptCount * 2 == kept.length) {
            int[] grown = new int[kept.length * 2];
            System.arraycopy(kept, 0, grown, 0, kept.length);
            kept = grown;
        }
        kept[keptCount * 2] = start;
        kept[keptCount * 2 + 1] = end;
        keptCount++;
        keptLength += end - start + 1;
    }

    /** Bytes {@link #writeKept} writes. */
    public int keptLength() {
        return keptLength;
    }

    /** Writes the kept properties at absolute {@code at}, each followed by 0x02; returns the bytes written. */
    public int writeKept(ByteBuffer target, int at) {
        int position = at;
        for (int i = 0; i < keptCount; i++) {
            int start = kept[i * 2];
            int length = kept[i * 2 + 1] - start;
            target.put(position, source, start, length);
            target.put(position + length, MessageProperties.PROPERTY_SEPARATOR);
            position += length + 1;
        }
        return position - at;
    }

    /** The kept properties as a new array. */
    public byte[] keptBytes() {
        byte[] out = new byte[keptLength];
        writeKept(ByteBuffer.wrap(out), 0);
        return out;
    }

    /** (position << 32 | length) of REAL_TOPIC's value, or {@link MessageProperties#NOT_FOUND}. */
    public long realTopicRange() {
        return realTopic;
    }

    public long uniqKeyRange() {
        return uniqKey;
    }

    public long timerOutRange() {
        return timerOut;
    }

    public String realTopic() {
        return string(realTopic);
    }

    public String uniqKey() {
        return string(uniqKey);
    }

    /** REAL_QID, or 0 when absent or not a number. */
    public int realQueueId() {
        long parsed = parseLong(realQueueId);
        return parsed < 0 || parsed > Integer.MAX_VALUE ? 0 : (int) parsed;
    }

    /** TIMER_OUT_MS, or -1 when absent or not a number. */
    public long timerOutMs() {
        return parseLong(timerOut);
    }

    private String string(long range) {
        if (range == MessageProperties.NOT_FOUND) {
            return null;
        }
        return new String(source, (int) (range >>> 32), (int) range, StandardCharsets.UTF_8);
    }

    /** The non-negative decimal number in the range, or -1. */
    private long parseLong(long range) {
        if (range == MessageProperties.NOT_FOUND) {
            return -1;
        }
        return Decimal.parse(source, (int) (range >>> 32), (int) range);
    }

    private static boolean equals(byte[] p, int start, int length, byte[] name) {
        if (length != name.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (p[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] p, int start, int length, byte[] prefix) {
        return length >= prefix.length && equals(p, start, prefix.length, prefix);
    }

    private static int indexOf(byte[] p, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (p[i] == value) {
                return i;
            }
        }
        return to;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
