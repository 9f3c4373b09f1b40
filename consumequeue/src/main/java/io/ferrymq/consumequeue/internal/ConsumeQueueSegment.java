package io.ferrymq.consumequeue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One memory-mapped consume-queue file: a fixed number of {@link ConsumeQueueLayout} slots starting at
 * queue offset {@link #firstOffset()}.
 *
 * <p>Single writer (the dispatcher) with any number of readers: reads use absolute positions only,
 * and readers see an entry once the owning queue publishes a max offset past it. The mapping is
 * never unmapped by force, so a reader still holding a deleted segment reads stale but valid memory.
 */
final class ConsumeQueueSegment {
    private final Path file;
    private final long firstOffset;
    private final int capacity;
    private final MappedByteBuffer buffer;

    private ConsumeQueueSegment(Path file, long firstOffset, int capacity, MappedByteBuffer buffer) {
        this.file = file;
        this.firstOffset = firstOffset;
        this.capacity = capacity;
        this.buffer = buffer;
    }

    /** Opens (creating or extending to full size) the file of the segment starting at {@code firstOffset}. */
    static ConsumeQueueSegment open(Path dir, long firstOffset, int capacity) {
        Path file = dir.resolve(ConsumeQueueLayout.fileName(firstOffset));
        long bytes = (long) capacity * ConsumeQueueLayout.ENTRY_SIZE;
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
                return new ConsumeQueueSegment(file, firstOffset, capacity, map);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map consume queue file " + file, e);
        }
    }

    long firstOffset() {
        return firstOffset;
    }

    /** One past the last queue offset this segment can hold. */
    long endOffset() {
        return firstOffset + capacity;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    int slot(long queueOffset) {
        return (int) (queueOffset - firstOffset);
    }

    void write(long queueOffset, long physicalOffset, int size, long tagsHash) {
        ConsumeQueueLayout.write(buffer, slot(queueOffset), physicalOffset, size, tagsHash);
    }

    /** Zeroes the slots in [from, to) that lie in this segment. */
    void clear(long from, long to) {
        int end = (int) Math.min(capacity, Math.max(0, to - firstOffset));
        for (int slot = Math.max(0, slot(from)); slot < end; slot++) {
            ConsumeQueueLayout.write(buffer, slot, 0, 0, 0);
        }
    }

    /** Zeroes the written slots from {@code from} up to the first one never written. */
    void clearWhileWritten(long from) {
        for (int slot = Math.max(0, slot(from)); slot < capacity; slot++) {
            if (ConsumeQueueLayout.size(buffer, slot) == 0) {
                return;
            }
            ConsumeQueueLayout.write(buffer, slot, 0, 0, 0);
        }
    }

    void force() {
        buffer.force();
    }

    Path file() {
        return file;
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete consume queue file " + file, e);
        }
    }
}
