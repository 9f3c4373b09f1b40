package io.ferrymq.transaction.internal;

/**
 * The keys of the RocksDB column family {@value #FAMILY}. All integers big-endian; offsets and times
 * are never negative, so bytewise key order is numeric order within each prefix. Meta keys start
 * with {@code 0xFF} and sort after everything else.
 *
 * <pre>
 *  key                                        value
 *  'h' offset(8)                              one unsettled half ({@link HalfEntryLayout})
 *  'd' nextCheckMs(8) offset(8)               empty: a pending half, by when it is checked next
 *  'k' offset(8)                              empty: a parked half
 *  'c' offset(8)                              empty: a half whose commit is recorded, append not settled
 *  't' offset(8)                              a settled half: outcome(1) settledAtMs(8)
 *  's' settledAtMs(8) offset(8)               empty: the same settled half, by age (for pruning)
 *  0xFF 'p'                                   next queue offset of RMQ_SYS_TRANS_HALF_TOPIC:0 to index (8)
 *  0xFF 'c' kind                              a counter (8), kinds in {@link TransactionCounters}
 *  0xFF 'g' segment(8)                        unsettled halves whose record lies in that segment (8)
 * </pre>
 *
 * {@code offset} is always the half's commit-log offset. Outcomes: 1 committed, 2 rolled back, 3 lost.
 *
 * <p>Stateless; safe from any thread.
 */
public final class TransactionLayout {
    public static final String FAMILY = "transactions";

    public static final byte HALF = 'h';
    public static final byte DUE = 'd';
    public static final byte PARKED = 'k';
    public static final byte COMMITTING = 'c';
    public static final byte SETTLED = 't';
    public static final byte SETTLED_BY_AGE = 's';
    public static final byte META = (byte) 0xFF;

    public static final byte OUTCOME_COMMITTED = 1;
    public static final byte OUTCOME_ROLLED_BACK = 2;
    public static final byte OUTCOME_LOST = 3;

    static final byte[] PROGRESS_KEY = {META, 'p'};
    static final byte COUNTER_TAG = 'c';
    static final byte SEGMENT_TAG = 'g';

    public static final int OFFSET_KEY_SIZE = 9;
    public static final int TIME_KEY_SIZE = 17;
    static final int SETTLED_VALUE_SIZE = 9;

    private TransactionLayout() {}

    /** {@code tag offset}: keys of 'h', 'k', 'c' and 't'. */
    public static byte[] offsetKey(byte tag, long offset) {
        byte[] key = new byte[OFFSET_KEY_SIZE];
        key[0] = tag;
        putLong(key, 1, offset);
        return key;
    }

    /** {@code tag ms offset}: keys of 'd' and 's'. */
    public static byte[] timeKey(byte tag, long ms, long offset) {
        byte[] key = new byte[TIME_KEY_SIZE];
        key[0] = tag;
        putLong(key, 1, ms);
        putLong(key, 9, offset);
        return key;
    }

    static long offsetOf(byte[] offsetKey) {
        return getLong(offsetKey, 1);
    }

    static long timeOf(byte[] timeKey) {
        return getLong(timeKey, 1);
    }

    static long timeKeyOffset(byte[] timeKey) {
        return getLong(timeKey, 9);
    }

    static byte[] settledValue(byte outcome, long settledAtMs) {
        byte[] value = new byte[SETTLED_VALUE_SIZE];
        value[0] = outcome;
        putLong(value, 1, settledAtMs);
        return value;
    }

    static byte[] counterKey(byte kind) {
        return new byte[] {META, COUNTER_TAG, kind};
    }

    static byte[] segmentKey(long segment) {
        byte[] key = new byte[10];
        key[0] = META;
        key[1] = SEGMENT_TAG;
        putLong(key, 2, segment);
        return key;
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
