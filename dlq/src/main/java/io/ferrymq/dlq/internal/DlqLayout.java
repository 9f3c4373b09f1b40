package io.ferrymq.dlq.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The keys and values of the RocksDB column family {@value #FAMILY}. Integers are big-endian; offsets
 * are never negative, so bytewise key order is numeric order.
 *
 * <pre>
 *  key                        value
 *  'c' group(UTF-8)           count(8): messages sent to the group's dead-letter queue
 *  'r' dlqOffset(8)           the replay of the dead letter stored at that commit-log offset:
 *
 *  offset size  field
 *  0      1     state             'I' intent recorded, append outcome not recorded; 'D' done
 *  1      8     intentAtMs        when the (last) intent was recorded
 *  9      8     searchFromOffset  the commit log's written offset just before the append: a record
 *                                 of the target topic with the message's UNIQ_KEY at or past it is
 *                                 this replay's append
 *  17     8     doneAtMs          when the append was confirmed; -1 for an intent
 *  25     8     physicalOffset    the replayed record's commit-log offset; -1 for an intent
 *  33     8     queueOffset       its queue offset; -1 for an intent
 *  41     2     topic length t
 *  43     t     target topic (UTF-8)
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class DlqLayout {
    public static final String FAMILY = "dlq";
    public static final byte COUNT = 'c';
    public static final byte REPLAY = 'r';
    static final byte INTENT = 'I';
    static final byte DONE = 'D';
    private static final int FIXED = 43;

    private DlqLayout() {}

    public static byte[] countKey(String group) {
        byte[] name = group.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + name.length).put(COUNT).put(name).array();
    }

    public static String countGroup(byte[] key) {
        return new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
    }

    public static byte[] replayKey(long dlqOffset) {
        return ByteBuffer.allocate(9).put(REPLAY).putLong(dlqOffset).array();
    }

    public static long replayOffset(byte[] key) {
        return ByteBuffer.wrap(key).getLong(1);
    }

    public static byte[] longValue(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    public static long readLong(byte[] value) {
        if (value.length != 8) {
            throw new IllegalStateException("a dlq count holds 8 bytes, found " + value.length);
        }
        return ByteBuffer.wrap(value).getLong();
    }

    public static byte[] encode(ReplayEntry entry) {
        byte[] topic = entry.targetTopic().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED + topic.length)
                .put(entry.done() ? DONE : INTENT)
                .putLong(entry.intentAtMs())
                .putLong(entry.searchFromOffset())
                .putLong(entry.doneAtMs())
                .putLong(entry.physicalOffset())
                .putLong(entry.queueOffset())
                .putShort((short) topic.length)
                .put(topic)
                .array();
    }

    /** @throws IllegalStateException when the bytes are not a replay entry */
    public static ReplayEntry decode(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        if (value.length < FIXED || (value[0] != INTENT && value[0] != DONE)) {
            throw new IllegalStateException("damaged dlq replay entry of " + value.length + " bytes");
        }
        boolean done = in.get() == DONE;
        long intentAtMs = in.getLong();
        long searchFrom = in.getLong();
        long doneAtMs = in.getLong();
        long physicalOffset = in.getLong();
        long queueOffset = in.getLong();
        int topicLength = in.getShort() & 0xFFFF;
        if (in.remaining() != topicLength) {
            throw new IllegalStateException(
                    "damaged dlq replay entry: topic of " + topicLength + " bytes, " + in.remaining() + " present");
        }
        String topic = new String(value, FIXED, topicLength, StandardCharsets.UTF_8);
        return new ReplayEntry(done, intentAtMs, searchFrom, topic, doneAtMs, physicalOffset, queueOffset);
    }
}
