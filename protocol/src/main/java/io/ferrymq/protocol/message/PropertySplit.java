package io.ferrymq.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One pass over an encoded property string (wire-protocol §6.4) that splits it into the properties a
 * module owns, which are dropped (by exact name or name prefix), and the rest, which are kept; on the
 * way it notes where the values of some watched names lie (the last occurrence wins, as for the
 * client; a watched name may be dropped or kept). Segments that are not a well-formed {@code name 0x01
 * value} are dropped. {@link #writeKept} writes the kept ones in the 5.x form. The scheduler (delay
 * properties) and the transaction module (half-message properties) each configure one.
 *
 * <p>Reusable and allocation-free once its range array has grown; not thread-safe.
 */
public final class PropertySplit {
    private final byte[][] dropped;
    private final byte[][] droppedPrefixes;
    private final byte[][] watched;
    private final long[] ranges;
    private byte[] source;
    private int[] kept = new int[32];
    private int keptCount;
    private int keptLength;

    /**
     * @param dropped names whose properties are not kept
     * @param droppedPrefixes name prefixes whose properties are not kept
     * @param watched names whose value positions {@link #range} reports, by index in this list
     */
    public PropertySplit(List<String> dropped, List<String> droppedPrefixes, List<String> watched) {
        this.dropped = ascii(dropped);
        this.droppedPrefixes = ascii(droppedPrefixes);
        this.watched = ascii(watched);
        this.ranges = new long[watched.size()];
    }

    /** Scans {@code properties[offset, offset + length)}; the array must not change while in use. */
    public PropertySplit scan(byte[] properties, int offset, int length) {
        source = properties;
        keptCount = 0;
        keptLength = 0;
        java.util.Arrays.fill(ranges, MessageProperties.NOT_FOUND);
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
        int nameLength = separator - start;
        for (int i = 0; i < watched.length; i++) {
            if (equals(p, start, nameLength, watched[i])) {
                ranges[i] = ((long) (separator + 1) << 32) | (end - separator - 1);
            }
        }
        for (byte[] name : dropped) {
            if (equals(p, start, nameLength, name)) {
                return;
            }
        }
        for (byte[] prefix : droppedPrefixes) {
            if (nameLength >= prefix.length && equals(p, start, prefix.length, prefix)) {
                return;
            }
        }
        keep(start, end);
    }

    private void keep(int start, int end) {
        if (keptCount * 2 == kept.length) {
            kept = java.util.Arrays.copyOf(kept, kept.length * 2);
        }
        kept[keptCount * 2] = start;
        kept[keptCount * 2 + 1] = end;
        keptCount++;
        keptLength += end - start + 1;
    }

    /** (position << 32 | length) of the watched name's value, or {@link MessageProperties#NOT_FOUND}. */
    public long range(int watchedIndex) {
        return ranges[watchedIndex];
    }

    /** The watched name's value, or null when absent; allocates. */
    public String string(int watchedIndex) {
        long range = ranges[watchedIndex];
        if (range == MessageProperties.NOT_FOUND) {
            return null;
        }
        return new String(source, (int) (range >>> 32), (int) range, StandardCharsets.UTF_8);
    }

    /** The watched name's value as a non-negative decimal number, or -1 when absent or not one. */
    public long number(int watchedIndex) {
        long range = ranges[watchedIndex];
        if (range == MessageProperties.NOT_FOUND) {
            return -1;
        }
        return Decimal.parse(source, (int) (range >>> 32), (int) range);
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

    private static boolean equals(byte[] p, int start, int length, byte[] name) {
        return length == name.length && java.util.Arrays.equals(p, start, start + length, name, 0, length);
    }

    private static int indexOf(byte[] p, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (p[i] == value) {
                return i;
            }
        }
        return to;
    }

    private static byte[][] ascii(List<String> names) {
        byte[][] out = new byte[names.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
