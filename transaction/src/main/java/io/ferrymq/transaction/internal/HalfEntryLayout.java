package io.ferrymq.transaction.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The value of a {@code 'h' offset} record ({@link TransactionLayout}): one unsettled half. Big-endian.
 *
 * <pre>
 *  offset size  field
 *  0      1     format version (1)
 *  1      1     state: 0 pending, 1 parked
 *  2      1     committing: 1 when a commit is recorded and not yet settled, else 0
 *  3      4     checks sent to a live producer
 *  7      8     next check, epoch ms
 *  15     8     store time of the half, epoch ms
 *  23     4     record size in bytes
 *  27     8     queue offset in RMQ_SYS_TRANS_HALF_TOPIC:0
 *  35     4     real queue id
 *  39     2+g   producer group: length, then UTF-8 (length 0xFFFF = absent)
 *  ..     2+u   UNIQ_KEY: length, then UTF-8 (0xFFFF = absent)
 *  ..     2+t   real topic: length, then UTF-8
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class HalfEntryLayout {
    static final byte VERSION = 1;
    private static final int FIXED = 39;
    private static final int ABSENT = 0xFFFF;

    private HalfEntryLayout() {}

    public static byte[] encode(HalfEntry entry) {
        byte[] group = utf8(entry.producerGroup);
        byte[] key = utf8(entry.uniqKey);
        byte[] topic = utf8(entry.realTopic);
        int size = FIXED + 6 + length(group) + length(key) + length(topic);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION)
                .put(entry.state)
                .put((byte) (entry.committing ? 1 : 0))
                .putInt(entry.checks)
                .putLong(entry.nextCheckMs)
                .putLong(entry.storeMs)
                .putInt(entry.size)
                .putLong(entry.queueOffset)
                .putInt(entry.realQueueId);
        putString(out, group);
        putString(out, key);
        putString(out, topic);
        return out.array();
    }

    /**
     * Fills {@code into} from a value; returns it.
     *
     * @throws IllegalStateException if the value is not in this format
     */
    public static HalfEntry decode(long offset, byte[] value, HalfEntry into) {
        if (value.length < FIXED + 6 || value[0] != VERSION) {
            throw new IllegalStateException("the transaction record of the half at " + offset
                    + " is not in a known format (" + value.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        in.position(1);
        into.offset = offset;
        into.state = in.get();
        into.committing = in.get() != 0;
        into.checks = in.getInt();
        into.nextCheckMs = in.getLong();
        into.storeMs = in.getLong();
        into.size = in.getInt();
        into.queueOffset = in.getLong();
        into.realQueueId = in.getInt();
        into.producerGroup = getString(in);
        into.uniqKey = getString(in);
        into.realTopic = getString(in);
        return into;
    }

    private static byte[] utf8(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= ABSENT) {
            throw new IllegalArgumentException("a transaction string of " + bytes.length + " bytes is too long");
        }
        return bytes;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putShort((short) ABSENT);
        } else {
            out.putShort((short) bytes.length).put(bytes);
        }
    }

    private static String getString(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        if (length == ABSENT) {
            return null;
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
