package io.ferrymq.commitlog.internal;

import io.ferrymq.protocol.message.MessageRecordEncoder;
import io.ferrymq.protocol.message.MessageRecordLayout;
import java.nio.ByteBuffer;

/**
 * Closes a segment the next record does not fit in: the rest becomes a blank record ({@code
 * [remaining int][BLANK_MAGIC int]}, see {@link MessageRecordLayout}), or zeros when fewer than
 * {@link MessageRecordLayout#BLANK_MIN_SIZE} bytes remain (readers treat fewer than 8 bytes left as
 * the end of the segment). Stateless.
 */
final class SegmentTail {
    private SegmentTail() {}

    static void seal(Segment segment, int position) {
        int remaining = segment.sizeBytes() - position;
        ByteBuffer view = segment.writeView();
        view.clear();
        if (remaining >= MessageRecordLayout.BLANK_MIN_SIZE) {
            MessageRecordEncoder.writeBlank(view, position, remaining);
            return;
        }
        for (int i = 0; i < remaining; i++) {
            view.put(position + i, (byte) 0);
        }
    }
}
