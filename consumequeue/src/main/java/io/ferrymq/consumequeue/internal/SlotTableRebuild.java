package io.ferrymq.consumequeue.internal;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.BitSet;

/**
 * Repairs the slot table of the newest key-index file after a crash. The header's entry count says how
 * many entries were durable at the last sync; entries and slots written after it may or may not have
 * reached the disk, and replay will write new entries over those numbers. A slot left pointing past the
 * count would link the replayed entries into the wrong chain, so every such slot is cleared and then set
 * again from a sequential scan of the counted entries (a later entry of a bucket overwrites an earlier
 * one, leaving the newest as head). When no slot points past the count (a clean shutdown), only the slot
 * table is read.
 *
 * <p>Stateless; runs at open, before the file is shared with other threads.
 */
final class SlotTableRebuild {
    private static final int CHUNK = 16 * 1024;

    private SlotTableRebuild() {}

    /** Returns the number of slots that pointed past {@code durableCount} and were rebuilt. */
    static int rebuild(ByteBuffer file, int slotCount, int durableCount) {
        BitSet damaged = clearSlotsPastCount(file, slotCount, durableCount);
        if (damaged.isEmpty()) {
            return 0;
        }
        for (int number = 1; number <= durableCount; number++) {
            long hash = file.getLong(IndexFileLayout.entryPosition(slotCount, number) + IndexFileLayout.HASH_OFFSET);
            int bucket = KeyHash.bucket(hash, slotCount);
            if (damaged.get(bucket)) {
                file.putInt(IndexFileLayout.slotPosition(bucket), number);
            }
        }
        return damaged.cardinality();
    }

    private static BitSet clearSlotsPastCount(ByteBuffer file, int slotCount, int durableCount) {
        BitSet damaged = new BitSet();
        IntBuffer slots = file.duplicate()
                .position(IndexFileLayout.HEADER_SIZE)
                .limit(IndexFileLayout.slotPosition(slotCount))
                .slice()
                .order(file.order())
                .asIntBuffer();
        int[] chunk = new int[Math.min(CHUNK, slotCount)];
        for (int first = 0; first < slotCount; first += chunk.length) {
            int length = Math.min(chunk.length, slotCount - first);
            slots.get(first, chunk, 0, length);
            for (int i = 0; i < length; i++) {
                if (chunk[i] > durableCount || chunk[i] < 0) {
                    damaged.set(first + i);
                    file.putInt(IndexFileLayout.slotPosition(first + i), 0);
                }
            }
        }
        return damaged;
    }
}
