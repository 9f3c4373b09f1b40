package io.ferrymq.scheduler.internal;

/**
 * The records of the RocksDB column family {@value #FAMILY}: one entry per pending timer, ordered by
 * delivery time, and a few meta records. All integers big-endian. Delivery times and offsets are
 * never negative, so an entry key's first byte is at most {@code 0x7F} and bytewise order is
 * (deliver-at, offset) order; meta keys start with {@code 0xFF} and sort after every entry.
 *
 * <pre>
 *  entry key (16 bytes)                       entry value (12 bytes)
 *  offset size field                          offset size field
 *  0      8    deliver-at, epoch ms           0      4    record size in bytes
 *  8      8    commit-log offset of the       4      8    queue offset in rmq_sys_wheel_timer:0
 *              timer record
 *
 *  meta keys (0xFF, tag[, 8-byte argument])   value
 *  0xFF 'p'                                   next queue offset of rmq_sys_wheel_timer:0 to index (8)
 *  0xFF 'c' kind                              a counter (8), kinds below
 *  0xFF 'f'                                   fire fence (8): no timer due at or after it was ever
 *                                             handed to the store
 *  0xFF 'x' offset                            a cancellation of the not yet indexed record at offset
 *                                             (empty value)
 *  0xFF 's' segment                           pending timers whose record lies in that commit-log
 *                                             segment (8)
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class TimerIndexLayout {
    public static final String FAMILY = "timers";
    public static final int KEY_SIZE = 16;
    public static final int VALUE_SIZE = 12;
    public static final byte META = (byte) 0xFF;

    /** Counter kinds (the byte after {@code 0xFF 'c'}). */
    public static final byte COUNTER_INDEXED = 'i';

    public static final byte COUNTER_SETTLED = 's';
    public static final byte COUNTER_FIRED = 'f';
    public static final byte COUNTER_CANCELLED = 'c';
    public static final byte COUNTER_DEDUPLICATED = 'd';
    public static final byte COUNTER_POSSIBLE_DUPLICATES = 'p';
    public static final byte COUNTER_LOST = 'l';

    /** The first byte past every entry key: the exclusive upper bound of an entry scan. */
    public static final byte[] ENTRIES_END = {(byte) 0x80};

    static final byte[] PROGRESS_KEY = {META, 'p'};
    static final byte[] FENCE_KEY = {META, 'f'};
    static final byte CANCEL_TAG = 'x';
    static final byte SEGMENT_TAG = 's';

    private TimerIndexLayout() {}

    public static byte[] entryKey(long deliverAtMs, long offset) {
        byte[] key = new byte[KEY_SIZE];
        writeEntryKey(key, deliverAtMs, offset);
        return key;
    }

    public static void writeEntryKey(byte[] key, long deliverAtMs, long offset) {
        putLong(key, 0, deliverAtMs);
        putLong(key, 8, offset);
    }

    public static long keyDeliverAtMs(byte[] key) {
        return getLong(key, 0);
    }

    public static long keyOffset(byte[] key) {
        return getLong(key, 8);
    }

    public static void writeValue(byte[] value, int size, long queueOffset) {
        value[0] = (byte) (size >>> 24);
        value[1] = (byte) (size >>> 16);
        value[2] = (byte) (size >>> 8);
        value[3] = (byte) size;
        putLong(value, 4, queueOffset);
    }

    public static int valueSize(byte[] value) {
        return ((value[0] & 0xFF) << 24) | ((value[1] & 0xFF) << 16) | ((value[2] & 0xFF) << 8) | (value[3] & 0xFF);
    }

    public static long valueQueueOffset(byte[] value) {
        return getLong(value, 4);
    }

    static byte[] counterKey(byte kind) {
        return new byte[] {META, 'c', kind};
    }

    /** A meta key with an 8-byte argument: {@code 0xFF tag argument}. */
    static byte[] metaKey(byte tag, long argument) {
        byte[] key = new byte[10];
        key[0] = META;
        key[1] = tag;
        putLong(key, 2, argument);
        return key;
    }

    static byte[] metaPrefix(byte tag) {
        return new byte[] {META, tag};
    }

    static long metaArgument(byte[] key) {
        return getLong(key, 2);
    }

    static byte[] longValue(long value) {
        byte[] bytes = new byte[8];
        putLong(bytes, 0, value);
        return bytes;
    }

    static void putLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    static long getLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
