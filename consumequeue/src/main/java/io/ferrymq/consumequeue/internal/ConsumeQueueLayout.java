package io.ferrymq.consumequeue.internal;

import java.nio.ByteBuffer;

/**
 * The on-disk format of a consume queue: fixed 20-byte entries, one per message of a (topic, queue),
 * in queue-offset order, big-endian. Entry {@code n} of the queue lives in the file whose name is the
 * 20-digit byte offset {@code (n - n % entriesPerFile) * 20}, at byte {@code (n % entriesPerFile) * 20}.
 *
 * <pre>
 *  offset size  field
 *  0      8     PHYSICAL_OFFSET  commit-log offset of the message record
 *  8      4     SIZE             record size in bytes; 0 marks a slot never written
 *  12     8     TAGS_HASH        String.hashCode() of the TAGS property, 0 without tags
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class ConsumeQueueLayout {
    public static final int ENTRY_SIZE = 20;
    public static final int PHYSICAL_OFFSET_OFFSET = 0;
    public static final int SIZE_OFFSET = 8;
    public static final int TAGS_HASH_OFFSET = 12;
    /** Entries per file by default (RocketMQ's mappedFileSizeConsumeQueue / 20). */
    public static final int DEFAULT_ENTRIES_PER_FILE = 300_000;
    /** Bytes per file by default: 6,000,000. */
    public static final int DEFAULT_FILE_SIZE = DEFAULT_ENTRIES_PER_FILE * ENTRY_SIZE;

    private ConsumeQueueLayout() {}

    public static long physicalOffset(ByteBuffer file, int slot) {
        return file.getLong(slot * ENTRY_SIZE + PHYSICAL_OFFSET_OFFSET);
    }

    public static int size(ByteBuffer file, int slot) {
        return file.getInt(slot * ENTRY_SIZE + SIZE_OFFSET);
    }

    public static long tagsHash(ByteBuffer file, int slot) {
        return file.getLong(slot * ENTRY_SIZE + TAGS_HASH_OFFSET);
    }

    public static void write(ByteBuffer file, int slot, long physicalOffset, int size, long tagsHash) {
        int at = slot * ENTRY_SIZE;
        file.putLong(at + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        file.putInt(at + SIZE_OFFSET, size);
        file.putLong(at + TAGS_HASH_OFFSET, tagsHash);
    }

    /** The file name: the 20-digit byte offset of its first slot. */
    public static String fileName(long firstQueueOffset) {
        return String.format("%020d", firstQueueOffset * ENTRY_SIZE);
    }

    /** The first queue offset of a file, from its name; -1 if the name is not a 20-digit number. */
    public static long firstQueueOffset(String fileName) {
        if (fileName.length() != 20 || !fileName.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long bytes = Long.parseLong(fileName);
        return bytes % ENTRY_SIZE == 0 ? bytes / ENTRY_SIZE : -1;
    }
}
