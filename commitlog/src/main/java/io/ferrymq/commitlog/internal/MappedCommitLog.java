package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.commitlog.RecordSource;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommitLog} over mapped segments: appends go to the {@link Appender}, reads are read-only
 * slices of the segments' mappings, background work is done by agents on their runners.
 *
 * <p>Thread-safe, as the interface promises. Slices must not be used after {@link #close()}.
 */
public final class MappedCommitLog implements CommitLog {
    private static final Logger LOG = LoggerFactory.getLogger(MappedCommitLog.class);

    private final SegmentList segments;
    private final Appender appender;
    private final LogFlusher flusher;
    private final LogAgents agents;
    private final WriteGate gate;
    private final OffsetListeners appendListeners;
    private final OffsetListeners retentionListeners;
    private final AtomicBoolean closed = new AtomicBoolean();

    MappedCommitLog(
            SegmentList segments,
            Appender appender,
            LogFlusher flusher,
            LogAgents agents,
            WriteGate gate,
            OffsetListeners appendListeners,
            OffsetListeners retentionListeners) {
        this.segments = segments;
        this.appender = appender;
        this.flusher = flusher;
        this.agents = agents;
        this.gate = gate;
        this.appendListeners = appendListeners;
        this.retentionListeners = retentionListeners;
    }

    /** The background agents, for tests that step them by hand. */
    public LogAgents agents() {
        return agents;
    }

    @Override
    public CompletableFuture<AppendResult> append(RecordSource record) {
        return appender.append(record);
    }

    @Override
    public CompletableFuture<AppendResult> appendBatch(List<? extends RecordSource> records) {
        return appender.appendBatch(records);
    }

    @Override
    public long minOffset() {
        Segment first = segments.first();
        return first == null ? appender.writtenOffset() : first.startOffset();
    }

    @Override
    public long writtenOffset() {
        return appender.writtenOffset();
    }

    @Override
    public double diskUsedRatio() {
        return gate.diskUsedRatio();
    }

    @Override
    public long flushedOffset() {
        return flusher.flushedOffset();
    }

    @Override
    public int segmentSizeBytes() {
        return segments.segmentSizeBytes();
    }

    @Override
    public ByteBuffer slice(long physicalOffset, int size) {
        if (closed.get() || physicalOffset < 0 || size <= 0 || physicalOffset + size > appender.writtenOffset()) {
            return null;
        }
        Segment segment = segments.find(physicalOffset);
        if (segment == null) {
            return null;
        }
        int position = (int) (physicalOffset - segment.startOffset());
        return position + size > segment.sizeBytes() ? null : segment.slice(position, size);
    }

    @Override
    public ByteBuffer sliceToSegmentEnd(long physicalOffset) {
        long written = appender.writtenOffset();
        if (closed.get() || physicalOffset < 0 || physicalOffset >= written) {
            return null;
        }
        Segment segment = segments.find(physicalOffset);
        if (segment == null) {
            return null;
        }
        int position = (int) (physicalOffset - segment.startOffset());
        int end = (int) (Math.min(written, segment.endOffset()) - segment.startOffset());
        return segment.slice(position, end - position);
    }

    @Override
    public void addRetentionListener(LongConsumer newMinOffset) {
        retentionListeners.add(newMinOffset);
    }

    @Override
    public void addRetentionFloor(LongSupplier floor) {
        agents.retention().floors().add(floor);
    }

    @Override
    public void addAppendListener(LongConsumer newWrittenOffset) {
        appendListeners.add(newWrittenOffset);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        gate.close();
        appender.drain();
        agents.stop();
        long flushed = flusher.flushedOffset();
        try {
            flushed = flusher.flush(appender.writtenOffset());
        } catch (UncheckedIOException e) {
            LOG.error("final force of the commit log failed; the checkpoint keeps offset {}", flushed, e);
        }
        flusher.persistCheckpoint();
        agents.completeWaiters(flushed);
        agents.retired().unmapAll();
        for (Segment segment : segments.snapshot()) {
            Unmapper.instance().unmap(segment.mapped());
        }
        LOG.info("commit log closed at offset {}", flushed);
    }
}
