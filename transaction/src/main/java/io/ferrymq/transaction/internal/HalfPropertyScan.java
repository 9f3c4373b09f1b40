package io.ferrymq.transaction.internal;

import io.ferrymq.protocol.message.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One pass over a half message's property string (wire-protocol §6.4) that splits off the properties
 * the transaction module owns ({@code TRAN_MSG}, {@code REAL_TOPIC}, {@code REAL_QID}) from the rest,
 * and notes where the values of {@code REAL_TOPIC}, {@code REAL_QID}, {@code PGROUP}, {@code
 * UNIQ_KEY} and {@code CHECK_IMMUNITY_TIME_IN_SECONDS} lie (the last occurrence wins, as for the
 * client). Segments that are not a well-formed {@code name 0x01 value} are dropped. {@link #writeKept}
 * writes the rest in the 5.x form: the properties a committed message is delivered with.
 *
 * <p>Reusable and allocation-free once its range array has grown; not thread-safe.
 */
public final class HalfPropertyScan {
    private static final byte[] TRAN_MSG = bytes("TRAN_MSG");
    private static final byte[] REAL_TOPIC = bytes("REAL_TOPIC");
    private static final byte[] REAL_QID = bytes("REAL_QID");
    private static final byte[] PGROUP = bytes("PGROUP");
    private static final byte[] UNIQ_KEY = bytes("UNIQ_KEY");
    private static final byte[] IMMUNITY = bytes("CHECK_IMMUNITY_TIME_IN_SECONDS");

    private byte[] source;
    private int[] kept = new int[32];
    private int keptCount;
    private int keptLength;
    private long realTopic;
    private long realQueueId;
    private long producerGroup;
    private long uniqKey;
    private long immunity;

    /** Scans {@code properties[offset, offset + length)}; the array must not change while in use. */
    public HalfPropertyScan scan(byte[] properties, int offset, int length) {
        source = properties;
        keptCount = 0;
        keptLength = 0;
        realTopic = realQueueId = producerGroup = uniqKey = immunity = MessageProperties.NOT_FOUND;
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
        } else if (!equals(p, start, nameLength, TRAN_MSG)) {
            if (equals(p, start, nameLength, UNIQ_KEY)) {
                uniqKey = value;
            } else if (equals(p, start, nameLength, PGROUP)) {
                producerGroup = value;
            } else if (equals(p, start, nameLength, IMMUNITY)) {
                immunity = value;
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

    public boolean hasRealTopic() {
        return realTopic != MessageProperties.NOT_FOUND;
    }

    /** REAL_TOPIC, or null; allocates. */
    public String realTopic() {
        return string(realTopic);
    }

    /** REAL_QID, or 0 when absent or not a number. */
    public int realQueueId() {
        long parsed = parseLong(realQueueId);
        return parsed < 0 || parsed > Integer.MAX_VALUE ? 0 : (int) parsed;
    }

    /** PGROUP, or null; allocates. */
    public String producerGroup() {
        return string(producerGroup);
    }

    /** UNIQ_KEY, or null; allocates. */
    public String uniqKey() {
        return string(uniqKey);
    }

    /** CHECK_IMMUNITY_TIME_IN_SECONDS in ms, or 0 when absent or not a number. */
    public long immunityMs() {
        long seconds = parseLong(immunity);
        return seconds <= 0 ? 0 : seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
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
