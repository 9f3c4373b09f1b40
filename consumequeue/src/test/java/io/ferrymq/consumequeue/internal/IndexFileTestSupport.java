package io.ferrymq.consumequeue.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads key-index files straight from disk, independently of {@link IndexFile}, for assertions. */
final class IndexFileTestSupport {
    private IndexFileTestSupport() {}

    record Header(int slotCount, int capacity, int count, long completeOffset) {}

    static ByteBuffer read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) channel.size());
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read it all
            }
            return bytes.flip();
        }
    }

    static Header header(Path file) throws IOException {
        ByteBuffer bytes = read(file);
        return new Header(
                bytes.getInt(IndexFileLayout.SLOT_COUNT_OFFSET),
                bytes.getInt(IndexFileLayout.ENTRY_CAPACITY_OFFSET),
                bytes.getInt(IndexFileLayout.ENTRY_COUNT_OFFSET),
                bytes.getLong(IndexFileLayout.COMPLETE_OFFSET_OFFSET));
    }

    /** The largest entry number any slot or any chain link of the first {@code count} entries points at. */
    static int highestReference(Path file, int count) throws IOException {
        ByteBuffer bytes = read(file);
        int slots = bytes.getInt(IndexFileLayout.SLOT_COUNT_OFFSET);
        int highest = 0;
        for (int b = 0; b < slots; b++) {
            highest = Math.max(highest, bytes.getInt(IndexFileLayout.slotPosition(b)));
        }
        for (int n = 1; n <= count; n++) {
            int previous = bytes.getInt(IndexFileLayout.entryPosition(slots, n) + IndexFileLayout.PREVIOUS_OFFSET);
            if (previous >= n) {
                throw new AssertionError("entry " + n + " links forward to " + previous);
            }
        }
        return highest;
    }
}
