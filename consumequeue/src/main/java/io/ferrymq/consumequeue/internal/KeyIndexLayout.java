package io.ferrymq.consumequeue.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The key of an entry in the RocksDB column family {@code index}: one entry per message key (each
 * space-separated word of KEYS) and one for UNIQ_KEY, all in one key space, so that a query by key
 * finds both (QUERY_MESSAGE, wire-protocol §4.11). RocksDB's bytewise order sorts entries by (topic,
 * key, store time, physical offset), which makes a query by key over [begin, end] one range scan.
 * All integers big-endian; store times and offsets are never negative, so byte order is numeric order.
 *
 * <pre>
 *  key:
 *  offset   size  field
 *  0        2     topic length t
 *  2        t     topic, UTF-8
 *  2+t      2     key length k
 *  4+t      k     key, UTF-8
 *  4+t+k    8     store time, ms
 *  12+t+k   8     physical offset of the record in the commit log
 *  value:
 *  0        4     record size in bytes
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class KeyIndexLayout {
    /** Longest topic or key, in UTF-8 bytes, that fits its length field. */
    public static final int MAX_PART_LENGTH = Short.MAX_VALUE;

    public static final int SUFFIX_SIZE = 16;
    public static final int VALUE_SIZE = 4;

    private KeyIndexLayout() {}

    /** The (topic, key) prefix every entry of that key starts with; null if a part is too long. */
    public static byte[] prefix(byte[] topic, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (topic.length > MAX_PART_LENGTH || keyBytes.length > MAX_PART_LENGTH) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(4 + topic.length + keyBytes.length);
        out.putShort((short) topic.length)
                .put(topic)
                .putShort((short) keyBytes.length)
                .put(keyBytes);
        return out.array();
    }

    /** A full entry key: prefix, store time, physical offset. */
    public static byte[] entryKey(byte[] prefix, long storeTimeMs, long physicalOffset) {
        return ByteBuffer.allocate(prefix.length + SUFFIX_SIZE)
                .put(prefix)
                .putLong(storeTimeMs)
                .putLong(physicalOffset)
                .array();
    }

    public static byte[] value(int size) {
        return ByteBuffer.allocate(VALUE_SIZE).putInt(size).array();
    }

    public static long storeTimeMs(byte[] entryKey) {
        return ByteBuffer.wrap(entryKey).getLong(entryKey.length - SUFFIX_SIZE);
    }

    public static long physicalOffset(byte[] entryKey) {
        return ByteBuffer.wrap(entryKey).getLong(entryKey.length - 8);
    }

    public static int size(byte[] value) {
        return ByteBuffer.wrap(value).getInt(0);
    }

    /** Whether {@code entryKey} is an entry of the (topic, key) {@code prefix}. */
    public static boolean hasPrefix(byte[] entryKey, byte[] prefix) {
        if (entryKey.length != prefix.length + SUFFIX_SIZE) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (entryKey[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
