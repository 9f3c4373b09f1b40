package io.ferrymq.commitlog.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One fixed-size, memory-mapped segment file of the log, covering {@code [startOffset, startOffset +
 * sizeBytes)}. The file is extended to its full size when opened (sparse where the file system allows).
 *
 * <p>Thread-safety: the write view is used only by the appender (under its lock) and by recovery
 * before the log is shared; the read view is never mutated, so {@link #slice} may be called from any
 * thread. {@link #lastStoreTimestampMs} is volatile so retention sees what the appender wrote.
 */
public final class Segment {
    private final Path path;
    private final long startOffset;
    private final int sizeBytes;
    private final MappedByteBuffer mapped;
    private final ByteBuffer writeView;
    private final ByteBuffer readView;
    private volatile long lastStoreTimestampMs;

    private Segment(Path path, long startOffset, int sizeBytes, MappedByteBuffer mapped) {
        this.path = path;
        this.startOffset = startOffset;
        this.sizeBytes = sizeBytes;
        this.mapped = mapped;
        this.writeView = mapped.duplicate();
        this.readView = mapped.asReadOnlyBuffer();
    }

    /** Opens (creating if absent) the segment file and maps all of it, extending a short file. */
    public static Segment open(Path path, long startOffset, int sizeBytes) throws IOException {
        try (FileChannel channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = channel.size();
            if (length > sizeBytes) {
                channel.truncate(sizeBytes);
            } else if (length < sizeBytes) {
                // writing the last byte sizes the file without touching the pages before it
                channel.write(ByteBuffer.wrap(new byte[1]), sizeBytes - 1L);
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, sizeBytes);
            return new Segment(path, startOffset, sizeBytes, mapped);
        }
    }

    public Path path() {
        return path;
    }

    public long startOffset() {
        return startOffset;
    }

    public long endOffset() {
        return startOffset + sizeBytes;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    /** The appender's (and recovery's) view: position and limit belong to the single writer. */
    ByteBuffer writeView() {
        return writeView;
    }

    /** A read-only view of {@code length} bytes at {@code position} in this segment, sharing memory. */
    public ByteBuffer slice(int position, int length) {
        return readView.slice(position, length);
    }

    /** Forces {@code [from, to)} of this segment to the storage device. */
    void force(int from, int to) {
        if (to > from) {
            mapped.force(from, to - from);
        }
    }

    MappedByteBuffer mapped() {
        return mapped;
    }

    /** The store time of the last record appended here, or the file's mtime after a reopen. */
    public long lastStoreTimestampMs() {
        return lastStoreTimestampMs;
    }

    void lastStoreTimestampMs(long timestampMs) {
        this.lastStoreTimestampMs = timestampMs;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
