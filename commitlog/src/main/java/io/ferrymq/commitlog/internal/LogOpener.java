package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.CommitLogConfig;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.commitlog.QueueOffsetAssigner;
import io.ferrymq.commitlog.StoreCheckpoint;
import io.ferrymq.commitlog.StoreDirectory;
import java.io.IOException;
import java.time.Clock;

/**
 * Opens a {@link MappedCommitLog}: maps the segments, recovers the tail, wires appender, flusher and
 * agents, and (unless a test steps them) starts the agents' threads. Stateless.
 */
public final class LogOpener {
    /**
     * What a test may change: the forcer (to count or slow forces), whether agents get threads, and
     * how long a deleted segment stays mapped.
     */
    public record Options(SegmentForcer forcer, boolean startAgents, long unmapGraceMs) {
        public static Options defaults() {
            return new Options(SegmentForcer.mapped(), true, RetiredSegments.DEFAULT_GRACE_MS);
        }
    }

    private static final long FIRST_SEGMENT_WAIT_MS = 30_000;
    /** How far ahead of the write position the page toucher keeps pages mapped. */
    private static final long TOUCH_AHEAD_BYTES = 8L << 20;

    private LogOpener() {}

    public static MappedCommitLog open(
            CommitLogConfig config,
            Clock clock,
            QueueOffsetAssigner assigner,
            DiskUsageProbe probe,
            StoreDirectory store,
            Options options)
            throws IOException {
        SegmentList segments = new SegmentList(config.segmentSizeBytes());
        SegmentDirectory directory =
                new SegmentDirectory(config.directory(), config.segmentSizeBytes(), config.warmMapedFileEnable());
        long written = recover(config, store, segments, directory);
        StoreCheckpoint checkpoint = store.checkpoint();
        WriteGate gate = new WriteGate();
        LogFlusher flusher =
                new LogFlusher(segments, options.forcer(), checkpoint, clock, config.flushIntervalMs(), written);
        checkpoint.commitLogFlushed(written, clock.millis());
        boolean sync = config.flushDiskType() == FlushDiskType.SYNC_FLUSH;
        SyncFlushAgent syncAgent = sync ? new SyncFlushAgent(flusher, clock, config.syncFlushTimeoutMs()) : null;
        OffsetListeners appendListeners = new OffsetListeners("append");
        OffsetListeners retentionListeners = new OffsetListeners("retention");
        SegmentPreparer preparer = prepareNext(directory, segments, written);
        Appender appender = new Appender(
                segments,
                new SegmentRoller(directory, segments, preparer, clock),
                clock,
                assigner,
                sync ? syncAgent : AppendCompletion.immediate(),
                gate,
                appendListeners,
                written);
        AsyncFlushAgent asyncAgent =
                sync ? null : new AsyncFlushAgent(flusher, clock, config.flushIntervalMs(), appender::writtenOffset);
        RetiredSegments retired = new RetiredSegments(options.unmapGraceMs());
        RetentionAgent retention = new RetentionAgent(
                segments, directory, retired, clock, probe, policy(config), gate, retentionListeners);
        PageToucher toucher = config.segmentSizeBytes() % PageToucher.PAGE_BYTES == 0
                ? new PageToucher(segments, appender::writtenOffset, TOUCH_AHEAD_BYTES)
                : null;
        LogAgents agents = new LogAgents(
                syncAgent,
                asyncAgent,
                retention,
                retired,
                preparer,
                toucher,
                appendListeners,
                Math.min(10, config.flushIntervalMs()));
        retention.checkDiskNow();
        if (options.startAgents()) {
            agents.start();
        }
        return new MappedCommitLog(segments, appender, flusher, agents, gate, appendListeners, retentionListeners);
    }

    private static long recover(
            CommitLogConfig config, StoreDirectory store, SegmentList segments, SegmentDirectory directory)
            throws IOException {
        SegmentDirectory.Found found = directory.load();
        found.contiguous().forEach(segments::addLast);
        // the appender takes any record that fits a segment, so recovery must accept as much
        return new LogRecovery(segments, directory, config.segmentSizeBytes())
                .recover(found, store.checkpoint().commitLogFlushedOffset(), store.crashed());
    }

    /**
     * Starts preparing the segment the next roll needs; for a new log, waits for it, so that even the
     * first appends go to allocated, cached pages.
     */
    private static SegmentPreparer prepareNext(SegmentDirectory directory, SegmentList segments, long written) {
        SegmentPreparer preparer = new SegmentPreparer(directory);
        Segment last = segments.last();
        long next =
                last != null ? last.endOffset() : written / segments.segmentSizeBytes() * segments.segmentSizeBytes();
        preparer.prepare(next);
        if (last == null) {
            preparer.awaitPending(FIRST_SEGMENT_WAIT_MS);
        }
        return preparer;
    }

    private static RetentionAgent.Policy policy(CommitLogConfig config) {
        return new RetentionAgent.Policy(
                config.fileReservedTimeHours() * 3_600_000L,
                DeleteWhen.parse(config.deleteWhen()),
                config.diskMaxUsedSpaceRatio() / 100.0,
                config.diskHardLimitRatio() / 100.0);
    }
}
