package io.ferrymq.consumequeue.internal;

import java.nio.ByteBuffer;

/**
 * The on-disk format of a key-index file, {@code <store>/index/<20-digit sequence>}: a fixed header, a
 * table of hash slots, then fixed-size entries, all big-endian. Files are numbered 0, 1, 2, ... in the
 * order they were created; only the newest one is written to. Each entry says where one record carrying
 * a (topic, key) is; a slot holds the number of the newest entry whose hash falls in its bucket, and each
 * entry the number of the one before it in that bucket, so a lookup walks one chain from new to old.
 * Entries are numbered from 1; 0 means "none". The file is created at full size but sparse: nothing is
 * zero-filled, never-written slots and entries read as 0.
 *
 * <pre>
 *  header (64 bytes)
 *  offset size  field
 *  0      4     MAGIC                0x46584B49 ("FXKI")
 *  4      4     VERSION              1
 *  8      4     SLOT_COUNT           hash slots in the table (maxHashSlotNum when the file was created)
 *  12     4     ENTRY_CAPACITY       entries the file can hold (maxIndexNum when the file was created)
 *  16     4     ENTRY_COUNT          entries durable as of the last sync; later ones are discarded at open
 *  20     4     reserved, 0
 *  24     8     BEGIN_TIME_MS        least store time of the counted entries (Long.MAX_VALUE if none)
 *  32     8     END_TIME_MS          greatest store time of the counted entries (Long.MIN_VALUE if none)
 *  40     8     MIN_PHYSICAL_OFFSET  least record offset of the counted entries (Long.MAX_VALUE if none)
 *  48     8     MAX_PHYSICAL_OFFSET  greatest record offset of the counted entries (-1 if none)
 *  56     8     COMPLETE_OFFSET      every commit-log record before this offset has all its entries in
 *                                    this file or an older one (-1: unknown)
 *
 *  slot table (SLOT_COUNT x 4 bytes, from byte 64)
 *  64 + 4b      4     number of the newest entry of bucket b, 0 when empty
 *
 *  entries (ENTRY_CAPACITY x 32 bytes, from byte 64 + 4 x SLOT_COUNT); entry n at (n - 1) x 32
 *  0      8     HASH                 {@link KeyHash} of (topic, key)
 *  8      8     PHYSICAL_OFFSET      commit-log offset of the record
 *  16     8     STORE_TIME_MS        the record's store time
 *  24     4     SIZE                 the record's size in bytes
 *  28     4     PREVIOUS             number of the previous entry of the same bucket, 0 at a chain's end
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class IndexFileLayout {
    public static final int MAGIC = 0x46584B49;
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 64;
    public static final int SLOT_SIZE = 4;
    public static final int ENTRY_SIZE = 32;
    /** RocketMQ's default {@code maxHashSlotNum}. */
    public static final int DEFAULT_SLOT_COUNT = 5_000_000;
    /** RocketMQ's default {@code maxIndexNum}. */
    public static final int DEFAULT_ENTRY_CAPACITY = 20_000_000;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int SLOT_COUNT_OFFSET = 8;
    public static final int ENTRY_CAPACITY_OFFSET = 12;
    public static final int ENTRY_COUNT_OFFSET = 16;
    public static final int BEGIN_TIME_OFFSET = 24;
    public static final int END_TIME_OFFSET = 32;
    public static final int MIN_PHYSICAL_OFFSET_OFFSET = 40;
    public static final int MAX_PHYSICAL_OFFSET_OFFSET = 48;
    public static final int COMPLETE_OFFSET_OFFSET = 56;

    public static final int HASH_OFFSET = 0;
    public static final int PHYSICAL_OFFSET_OFFSET = 8;
    public static final int STORE_TIME_OFFSET = 16;
    public static final int SIZE_OFFSET = 24;
    public static final int PREVIOUS_OFFSET = 28;

    private IndexFileLayout() {}

    /** Bytes of a file with this geometry (may exceed what one mapping can hold; see {@link #fits}). */
    public static long fileSize(int slotCount, int entryCapacity) {
        return HEADER_SIZE + (long) slotCount * SLOT_SIZE + (long) entryCapacity * ENTRY_SIZE;
    }

    /** Whether a file with this geometry can be mapped as one buffer. */
    public static boolean fits(int slotCount, int entryCapacity) {
        return slotCount > 0 && entryCapacity > 0 && fileSize(slotCount, entryCapacity) <= Integer.MAX_VALUE;
    }

    /** Byte position of the slot of {@code bucket}. */
    public static int slotPosition(int bucket) {
        return HEADER_SIZE + bucket * SLOT_SIZE;
    }

    /** Byte position of entry {@code number} (from 1) in a file of {@code slotCount} slots. */
    public static int entryPosition(int slotCount, int number) {
        return HEADER_SIZE + slotCount * SLOT_SIZE + (number - 1) * ENTRY_SIZE;
    }

    /** Writes entry {@code number}. */
    public static void writeEntry(
            ByteBuffer file,
            int slotCount,
            int number,
            long hash,
            long physicalOffset,
            long storeTimeMs,
            int size,
            int previous) {
        int at = entryPosition(slotCount, number);
        file.putLong(at + HASH_OFFSET, hash);
        file.putLong(at + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        file.putLong(at + STORE_TIME_OFFSET, storeTimeMs);
        file.putInt(at + SIZE_OFFSET, size);
        file.putInt(at + PREVIOUS_OFFSET, previous);
    }

    /** The file name of the file numbered {@code sequence}. */
    public static String fileName(long sequence) {
        return String.format("%020d", sequence);
    }

    /** The sequence number of a file, from its name; -1 if the name is not a 20-digit number. */
    public static long sequence(String fileName) {
        if (fileName.length() != 20 || !fileName.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(fileName);
    }
}
