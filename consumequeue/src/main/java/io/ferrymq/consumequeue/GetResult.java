package io.ferrymq.consumequeue;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The answer to a queue read: the stored records as read-only views of the commit log's mapped memory
 * (no copy; concatenated they are a pull response body), and the offsets the pull response header
 * needs. {@code nextBeginOffset} follows wire-protocol §4.4's table.
 *
 * <p>Immutable; the buffers are read-only views and must be read with absolute gets or duplicated
 * before relative reads by more than one thread.
 *
 * @param messages one read-only buffer per record, in queue-offset order, each positioned at 0
 * @param totalBytes sum of the records' sizes
 * @param firstPhysicalOffset the commit-log offset of the first record, -1 without records
 */
public record GetResult(
        GetStatus status,
        List<ByteBuffer> messages,
        int totalBytes,
        long firstPhysicalOffset,
        long nextBeginOffset,
        long minOffset,
        long maxOffset) {

    public static GetResult empty(GetStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        return new GetResult(status, List.of(), 0, -1, nextBeginOffset, minOffset, maxOffset);
    }

    public int messageCount() {
        return messages.size();
    }
}
