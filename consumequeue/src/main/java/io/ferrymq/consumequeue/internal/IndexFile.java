package io.ferrymq.consumequeue.internal;

import static io.ferrymq.consumequeue.internal.IndexFileLayout.ENTRY_SIZE;
import static io.ferrymq.consumequeue.internal.IndexFileLayout.HEADER_SIZE;
import static io.ferrymq.consumequeue.internal.IndexFileLayout.SLOT_SIZE;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.PriorityQueue;

/**
 * One key-index file ({@link IndexFileLayout}), mapped whole: appends entries, walks a bucket's chain,
 * and makes what it holds durable.
 *
 * <p>Single writer (the dispatcher, or recovery before the dispatcher starts) with any number of
 * readers. The writer fills an entry with plain writes and publishes it by storing its number into the
 * bucket's slot with release semantics, then the entry count; readers load a slot with acquire
 * semantics, so every entry they reach through a chain is whole. The ranges (store times, offsets) are
 * plain fields, final once a newer file has been published: readers look at them only for files that
 * are not the newest. The mapping is never unmapped by force, so a reader still walking a deleted file
 * reads stale but valid memory.
 */
final class IndexFile {
    private static final VarHandle SLOT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(IndexFile.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path file;
    private final long sequence;
    private final int slotCount;
    private final int capacity;
    private final MappedByteBuffer buffer;
    private volatile int count;
    /** The writer's copy of {@link #count}. */
    private int written;

    private int durableCount;
    private long completeOffset;
    private long beginTimeMs;
    private long endTimeMs;
    private long minPhysicalOffset;
    private long maxPhysicalOffset;

    private IndexFile(Path file, long sequence, MappedByteBuffer buffer) {
        this.file = file;
        this.sequence = sequence;
        this.buffer = buffer;
        this.slotCount = buffer.getInt(IndexFileLayout.SLOT_COUNT_OFFSET);
        this.capacity = buffer.getInt(IndexFileLayout.ENTRY_CAPACITY_OFFSET);
        this.durableCount = buffer.getInt(IndexFileLayout.ENTRY_COUNT_OFFSET);
        this.written = durableCount;
        this.count = durableCount;
        this.beginTimeMs = buffer.getLong(IndexFileLayout.BEGIN_TIME_OFFSET);
        this.endTimeMs = buffer.getLong(IndexFileLayout.END_TIME_OFFSET);
        this.minPhysicalOffset = buffer.getLong(IndexFileLayout.MIN_PHYSICAL_OFFSET_OFFSET);
        this.maxPhysicalOffset = buffer.getLong(IndexFileLayout.MAX_PHYSICAL_OFFSET_OFFSET);
        this.completeOffset = buffer.getLong(IndexFileLayout.COMPLETE_OFFSET_OFFSET);
    }

    /** Creates file {@code sequence} in {@code dir} at full (sparse) size with an empty, durable header. */
    static IndexFile create(Path dir, long sequence, int slotCount, int capacity, long completeOffset) {
        Path file = dir.resolve(IndexFileLayout.fileName(sequence));
        long size = IndexFileLayout.fileSize(slotCount, capacity);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                throw new IOException("already exists");
            }
            MappedByteBuffer map;
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(size);
                map = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
            map.putInt(IndexFileLayout.MAGIC_OFFSET, IndexFileLayout.MAGIC);
            map.putInt(IndexFileLayout.VERSION_OFFSET, IndexFileLayout.VERSION);
            map.putInt(IndexFileLayout.SLOT_COUNT_OFFSET, slotCount);
            map.putInt(IndexFileLayout.ENTRY_CAPACITY_OFFSET, capacity);
            IndexFile created = new IndexFile(file, sequence, map);
            created.resetRanges();
            created.completeOffset = completeOffset;
            created.writeHeader();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create key index file " + file, e);
        }
    }

    /** Maps an existing file; null when it is not a valid key-index file (bad header or size). */
    static IndexFile open(Path file, long sequence) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < HEADER_SIZE || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            int slots = map.getInt(IndexFileLayout.SLOT_COUNT_OFFSET);
            int entries = map.getInt(IndexFileLayout.ENTRY_CAPACITY_OFFSET);
            int counted = map.getInt(IndexFileLayout.ENTRY_COUNT_OFFSET);
            boolean valid = map.getInt(IndexFileLayout.MAGIC_OFFSET) == IndexFileLayout.MAGIC
                    && map.getInt(IndexFileLayout.VERSION_OFFSET) == IndexFileLayout.VERSION
                    && IndexFileLayout.fits(slots, entries)
                    && IndexFileLayout.fileSize(slots, entries) == size
                    && counted >= 0
                    && counted <= entries;
            return valid ? new IndexFile(file, sequence, map) : null;
        }
    }

    /**
     * Appends an entry and publishes it; false (nothing written) when the file is full. Writer only;
     * allocates nothing.
     */
    boolean add(long hash, long physicalOffset, long storeTimeMs, int size) {
        if (written == capacity) {
            return false;
        }
        int slot = IndexFileLayout.slotPosition(KeyHash.bucket(hash, slotCount));
        int number = written + 1;
        IndexFileLayout.writeEntry(
                buffer, slotCount, number, hash, physicalOffset, storeTimeMs, size, buffer.getInt(slot));
        SLOT.setRelease(buffer, slot, number);
        written = number;
        beginTimeMs = Math.min(beginTimeMs, storeTimeMs);
        endTimeMs = Math.max(endTimeMs, storeTimeMs);
        minPhysicalOffset = Math.min(minPhysicalOffset, physicalOffset);
        maxPhysicalOffset = Math.max(maxPhysicalOffset, physicalOffset);
        COUNT.setRelease(this, number);
        return true;
    }

    /**
     * Adds to {@code into} every entry of {@code hash} stored within [beginMs, endMs] that points at or
     * past {@code logMinOffset}, newest first. Safe from any thread.
     */
    /**
     * Adds to {@code oldest} (a heap whose head is its newest hit, see {@link KeyIndex}) the entries of
     * {@code hash} within [beginMs, endMs], at or past {@code logMinOffset} and after {@code after}
     * (null: from the first), keeping only the {@code limit} oldest. Returns true when more entries
     * qualified than were kept, so memory stays bounded however many records share a key. Any thread.
     */
    boolean collect(
            long hash,
            long beginMs,
            long endMs,
            long logMinOffset,
            KeyHit after,
            int limit,
            PriorityQueue<KeyHit> oldest) {
        boolean more = false;
        int number = (int) SLOT.getAcquire(buffer, IndexFileLayout.slotPosition(KeyHash.bucket(hash, slotCount)));
        while (number > 0 && number <= capacity) {
            int at = IndexFileLayout.entryPosition(slotCount, number);
            if (buffer.getLong(at + IndexFileLayout.HASH_OFFSET) == hash) {
                long offset = buffer.getLong(at + IndexFileLayout.PHYSICAL_OFFSET_OFFSET);
                long timeMs = buffer.getLong(at + IndexFileLayout.STORE_TIME_OFFSET);
                int size = buffer.getInt(at + IndexFileLayout.SIZE_OFFSET);
                if (timeMs >= beginMs
                        && timeMs <= endMs
                        && offset >= logMinOffset
                        && (after == null || KeyIndex.compare(timeMs, offset, size, after) > 0)) {
                    if (oldest.size() < limit) {
                        oldest.add(new KeyHit(offset, size, timeMs));
                    } else {
                        more = true;
                        if (KeyIndex.compare(timeMs, offset, size, oldest.peek()) < 0) {
                            oldest.poll();
                            oldest.add(new KeyHit(offset, size, timeMs));
                        }
                    }
                }
            }
            int previous = buffer.getInt(at + IndexFileLayout.PREVIOUS_OFFSET);
            // chains only point back; anything else is damage, and the walk stops rather than loops
            number = previous < number ? previous : 0;
        }
        return more;
    }

    /**
     * Whether entries of this file may lie within [beginMs, endMs] at or past {@code logMinOffset}. For
     * readers, only once a newer file has been published (the ranges are final then).
     */
    boolean mayHold(long beginMs, long endMs, long logMinOffset) {
        return count > 0 && beginTimeMs <= endMs && endTimeMs >= beginMs && maxPhysicalOffset >= logMinOffset;
    }

    /**
     * Makes the entries written so far durable, then records in the header that they are (the entry
     * count) and that every record before {@code completeOffset} is indexed, and forces the header.
     * The header is written only after the entries and slots it counts are on disk. Writer only.
     */
    void sync(long completeOffset) {
        if (written == durableCount && completeOffset == this.completeOffset) {
            return;
        }
        if (written > durableCount) {
            int from = IndexFileLayout.entryPosition(slotCount, durableCount + 1);
            buffer.force(from, (written - durableCount) * ENTRY_SIZE);
            buffer.force(HEADER_SIZE, slotCount * SLOT_SIZE);
        }
        this.completeOffset = completeOffset;
        durableCount = written;
        writeHeader();
    }

    private void writeHeader() {
        buffer.putInt(IndexFileLayout.ENTRY_COUNT_OFFSET, durableCount);
        buffer.putLong(IndexFileLayout.BEGIN_TIME_OFFSET, beginTimeMs);
        buffer.putLong(IndexFileLayout.END_TIME_OFFSET, endTimeMs);
        buffer.putLong(IndexFileLayout.MIN_PHYSICAL_OFFSET_OFFSET, minPhysicalOffset);
        buffer.putLong(IndexFileLayout.MAX_PHYSICAL_OFFSET_OFFSET, maxPhysicalOffset);
        buffer.putLong(IndexFileLayout.COMPLETE_OFFSET_OFFSET, completeOffset);
        buffer.force(0, HEADER_SIZE);
    }

    private void resetRanges() {
        beginTimeMs = Long.MAX_VALUE;
        endTimeMs = Long.MIN_VALUE;
        minPhysicalOffset = Long.MAX_VALUE;
        maxPhysicalOffset = -1;
    }

    /**
     * Makes the slot table agree with the durable entry count after a crash: entries past it are
     * discarded (replay rewrites them), and slots that point at them are rebuilt from the counted
     * entries. Returns the number of slots rebuilt. At open, before the file is shared.
     */
    int discardPastDurableCount() {
        return SlotTableRebuild.rebuild(buffer, slotCount, durableCount);
    }

    long sequence() {
        return sequence;
    }

    Path file() {
        return file;
    }

    int count() {
        return count;
    }

    int capacity() {
        return capacity;
    }

    /** Every record before this offset is indexed in this file or an older one; -1 if unknown. Writer only. */
    long completeOffset() {
        return completeOffset;
    }

    /** The greatest record offset of the entries; -1 if none. Writer only, or as {@link #mayHold}. */
    long maxPhysicalOffset() {
        return maxPhysicalOffset;
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete key index file " + file, e);
        }
    }
}
