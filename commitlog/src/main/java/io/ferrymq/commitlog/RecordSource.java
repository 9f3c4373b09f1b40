package io.ferrymq.commitlog;

import java.nio.ByteBuffer;

/**
 * One record to append, prepared by the caller before the append so the appender's critical section
 * only copies bytes and fills in what only it knows: the physical offset, the queue offset and the
 * store time.
 */
public interface RecordSource {
    /** The topic whose queue offset the record takes. */
    String topic();

    int queueId();

    /** Exact encoded size in bytes; must not change between calls. */
    int recordSize();

    /**
     * Writes the whole record at {@code target}'s position, advancing it by {@link #recordSize()}.
     * Called with the appender's lock held: no blocking, no allocation.
     */
    void encode(ByteBuffer target, long physicalOffset, long queueOffset, long storeTimestampMs);
}
