package io.ferrymq.commitlog;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The one sequential log of every topic. Appends are serialised through a single appender that
 * assigns the physical offset, the per-queue offset and the store time; readers get read-only views
 * of record bytes. Positions are byte offsets in the whole log: segment {@code n} covers
 * {@code [n * segmentSize, (n + 1) * segmentSize)} and is the file named by its 20-digit start offset.
 * A record never spans two segments: when the next one does not fit, the rest of the segment is a
 * blank record and the record starts the next segment.
 *
 * <p>Thread-safe. Appends never block the caller: the returned future completes when the record is
 * durable as the flush mode promises (under SYNC_FLUSH, after the force that covers it).
 */
public interface CommitLog extends AutoCloseable {

    /** Appends one record. */
    CompletableFuture<AppendResult> append(RecordSource record);

    /**
     * Appends records of one (topic, queue) contiguously and atomically, with consecutive queue
     * offsets: all are written or none.
     */
    CompletableFuture<AppendResult> appendBatch(List<? extends RecordSource> records);

    /** The first offset still in the log (retention moves it forward). */
    long minOffset();

    /** The end of the last record appended: everything before it may be read. */
    long writtenOffset();

    /** The used share (0..1) of the disk the log is on, as the retention agent last measured it. */
    double diskUsedRatio();

    /** Everything before this offset has been forced to disk. */
    long flushedOffset();

    /** Bytes per segment. */
    int segmentSizeBytes();

    /**
     * A read-only view of {@code size} bytes at {@code physicalOffset}, sharing the mapped memory (no
     * copy), or null when the range is not (or no longer) in the log or crosses {@code writtenOffset}.
     */
    ByteBuffer slice(long physicalOffset, int size);

    /**
     * A read-only view from {@code physicalOffset} to the end of what is written in that offset's
     * segment (for sequential readers such as the dispatcher), or null when nothing is there. A blank
     * record in it means: continue at the next segment.
     */
    ByteBuffer sliceToSegmentEnd(long physicalOffset);

    /** Called (on the retention thread) with the new {@link #minOffset()} after segments are deleted. */
    void addRetentionListener(LongConsumer newMinOffset);

    /**
     * Holds retention back: no segment holding an offset at or above {@code floor.getAsLong()} is
     * deleted, neither for age nor for disk space ({@link Long#MAX_VALUE}: hold nothing back). Asked on
     * the retention thread; must be quick. When only held segments are left and the disk fills, appends
     * are refused at the hard limit rather than deleting records still needed.
     */
    void addRetentionFloor(LongSupplier floor);

    /** Called after each append, on the appending thread, with the new {@link #writtenOffset()}; must be quick. */
    void addAppendListener(LongConsumer newWrittenOffset);

    /** Forces everything written, writes the checkpoint, releases the files. Idempotent. */
    @Override
    void close();
}
