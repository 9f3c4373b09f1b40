package io.ferrymq.commitlog.internal;

import java.nio.ByteBuffer;

/**
 * Zeroes what a crash left after the last sound record of a segment, so a later recovery can never
 * mistake an old, torn write for a record. Only non-zero words are written, so never-written (sparse)
 * parts of the file stay unallocated. Stateless; used by recovery before the log is shared.
 */
final class TailScrubber {
    private TailScrubber() {}

    /** Zeroes {@code [from, size)} of the segment; returns how many bytes up to the last non-zero one. */
    static int scrub(Segment segment, int from) {
        ByteBuffer view = segment.writeView();
        int size = segment.sizeBytes();
        int lastDirty = -1;
        int p = from;
        for (; p < size && (p & 7) != 0; p++) {
            if (view.get(p) != 0) {
                view.put(p, (byte) 0);
                lastDirty = p;
            }
        }
        for (; p + 8 <= size; p += 8) {
            if (view.getLong(p) != 0) {
                view.putLong(p, 0);
                lastDirty = p + 7;
            }
        }
        for (; p < size; p++) {
            if (view.get(p) != 0) {
                view.put(p, (byte) 0);
                lastDirty = p;
            }
        }
        if (lastDirty >= from) {
            segment.force(from, lastDirty + 1);
            return lastDirty + 1 - from;
        }
        return 0;
    }
}
