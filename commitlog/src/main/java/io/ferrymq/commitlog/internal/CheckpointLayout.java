package io.ferrymq.commitlog.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The {@code checkpoint} file: 64 bytes, big-endian, ending in a CRC of everything before it.
 *
 * <pre>
 *  offset size  field
 *  0      4     MAGIC                 0x46434B50 ("FCKP")
 *  4      4     VERSION               1
 *  8      8     COMMITLOG_FLUSHED     every log byte before it was forced to disk (-1 = unknown)
 *  16     8     COMMITLOG_FLUSHED_MS  when that force finished (ms since the epoch)
 *  24     8     INDEXED               the log offset up to which indexes were built (-1 = unknown)
 *  32     8     INDEXED_MS            when that was recorded (ms since the epoch)
 *  40     20    RESERVED              zeros
 *  60     4     CRC                   CRC32C of bytes 0..59
 * </pre>
 *
 * <p>It is replaced whole (written to {@code checkpoint.tmp}, forced, renamed over {@code checkpoint},
 * directory forced), so a reader sees the old or the new file, never a mix. A missing file, a wrong
 * magic, version or CRC all read as "unknown": recovery then scans from the oldest segment.
 *
 * <p>Stateless; safe from any thread.
 */
public final class CheckpointLayout {
    public static final int MAGIC = 0x46434B50;
    public static final int VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int COMMITLOG_FLUSHED_OFFSET = 8;
    public static final int COMMITLOG_FLUSHED_MS_OFFSET = 16;
    public static final int INDEXED_OFFSET = 24;
    public static final int INDEXED_MS_OFFSET = 32;
    public static final int CRC_OFFSET = 60;
    public static final int SIZE = 64;
    public static final long UNKNOWN = -1;

    /** The four values a checkpoint holds. */
    public record Values(long commitLogFlushed, long commitLogFlushedMs, long indexed, long indexedMs) {
        public static final Values NONE = new Values(UNKNOWN, 0, UNKNOWN, 0);
    }

    private CheckpointLayout() {}

    public static ByteBuffer encode(Values values) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(COMMITLOG_FLUSHED_OFFSET, values.commitLogFlushed());
        buffer.putLong(COMMITLOG_FLUSHED_MS_OFFSET, values.commitLogFlushedMs());
        buffer.putLong(INDEXED_OFFSET, values.indexed());
        buffer.putLong(INDEXED_MS_OFFSET, values.indexedMs());
        buffer.putInt(CRC_OFFSET, crc(buffer));
        return buffer;
    }

    /** The values in {@code bytes}, or null when they are not a sound checkpoint. */
    public static Values decode(byte[] bytes) {
        if (bytes.length != SIZE) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getInt(MAGIC_OFFSET) != MAGIC
                || buffer.getInt(VERSION_OFFSET) != VERSION
                || buffer.getInt(CRC_OFFSET) != crc(buffer)) {
            return null;
        }
        return new Values(
                buffer.getLong(COMMITLOG_FLUSHED_OFFSET),
                buffer.getLong(COMMITLOG_FLUSHED_MS_OFFSET),
                buffer.getLong(INDEXED_OFFSET),
                buffer.getLong(INDEXED_MS_OFFSET));
    }

    private static int crc(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(0).limit(CRC_OFFSET));
        return (int) crc.getValue();
    }
}
