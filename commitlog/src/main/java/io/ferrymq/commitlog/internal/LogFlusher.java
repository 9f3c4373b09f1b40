package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.StoreCheckpoint;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the log from {@link #flushedOffset()} up to a given written offset, segment by segment
 * (only the dirty range of each), then records the new flushed offset in the checkpoint. The
 * checkpoint file is rewritten at most once per {@code checkpointIntervalMs}: it is a lower bound
 * for recovery, so a stale one costs a longer scan, never data.
 *
 * <p>Thread-safe: {@link #flush()} is synchronised (the flush agent and close); the flushed offset is
 * volatile for readers.
 */
public final class LogFlusher {
    private static final Logger LOG = LoggerFactory.getLogger(LogFlusher.class);

    private final SegmentList segments;
    private final SegmentForcer forcer;
    private final StoreCheckpoint checkpoint;
    private final Clock clock;
    private final long checkpointIntervalMs;
    private volatile long flushedOffset;
    private long nextPersistMs;

    public LogFlusher(
            SegmentList segments,
            SegmentForcer forcer,
            StoreCheckpoint checkpoint,
            Clock clock,
            long checkpointIntervalMs,
            long flushedOffset) {
        this.segments = segments;
        this.forcer = forcer;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.checkpointIntervalMs = checkpointIntervalMs;
        this.flushedOffset = flushedOffset;
    }

    public long flushedOffset() {
        return flushedOffset;
    }

    /** Forces everything up to {@code target} (a record boundary); returns the new flushed offset. */
    public synchronized long flush(long target) {
        long from = flushedOffset;
        if (target <= from) {
            return from;
        }
        forceRange(from, target);
        flushedOffset = target;
        long now = clock.millis();
        checkpoint.commitLogFlushed(target, now);
        if (now >= nextPersistMs) {
            persistCheckpoint(now);
        }
        return target;
    }

    /** Writes the checkpoint file now (on close). */
    public synchronized void persistCheckpoint() {
        persistCheckpoint(clock.millis());
    }

    private void persistCheckpoint(long now) {
        try {
            checkpoint.persist();
            nextPersistMs = now + checkpointIntervalMs;
        } catch (IOException e) {
            LOG.warn(
                    "could not write checkpoint {}: {} (recovery will scan further back)",
                    checkpoint.file(),
                    e.toString());
        }
    }

    private void forceRange(long from, long to) {
        int size = segments.segmentSizeBytes();
        long position = from;
        while (position < to) {
            Segment segment = segments.find(position);
            long segmentStart = position / size * size;
            long end = Math.min(to, segmentStart + size);
            if (segment != null) { // null: retention deleted it meanwhile, nothing left to force
                forcer.force(segment, (int) (position - segmentStart), (int) (end - segmentStart));
            }
            position = end;
        }
    }
}
