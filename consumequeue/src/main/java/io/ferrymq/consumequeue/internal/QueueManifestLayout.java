package io.ferrymq.consumequeue.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An entry of the RocksDB column family {@code queues}: the max offset of one consume queue as of the
 * last checkpoint. Recovery compares it with the files to find deleted or cut consume-queue files.
 * Big-endian.
 *
 * <pre>
 *  key:
 *  offset  size  field
 *  0       2     topic length t
 *  2       t     topic, UTF-8
 *  2+t     4     queue id
 *  value:
 *  0       8     max offset (next queue offset to be written) at the checkpoint
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class QueueManifestLayout {
    private QueueManifestLayout() {}

    public static byte[] key(String topic, int queueId) {
        byte[] bytes = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(6 + bytes.length)
                .putShort((short) bytes.length)
                .put(bytes)
                .putInt(queueId)
                .array();
    }

    public static String topic(byte[] key) {
        int length = ByteBuffer.wrap(key).getShort(0) & 0xFFFF;
        return new String(key, 2, length, StandardCharsets.UTF_8);
    }

    public static int queueId(byte[] key) {
        return ByteBuffer.wrap(key).getInt(key.length - 4);
    }

    public static byte[] value(long maxOffset) {
        return ByteBuffer.allocate(8).putLong(maxOffset).array();
    }

    public static long maxOffset(byte[] value) {
        return ByteBuffer.wrap(value).getLong(0);
    }
}
