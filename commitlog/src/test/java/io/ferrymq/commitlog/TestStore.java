package io.ferrymq.commitlog;

import io.ferrymq.commitlog.internal.LogOpener;
import io.ferrymq.commitlog.internal.MappedCommitLog;
import io.ferrymq.commitlog.internal.SegmentForcer;
import io.ferrymq.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store root with a commit log of small (64 KiB) segments, a manual clock, an adjustable disk probe
 * and a counting forcer; agents are stepped by the test unless {@code startAgents}. Not thread-safe
 * (the log itself is).
 */
public final class TestStore implements AutoCloseable {
    public static final int SEGMENT = 64 * 1024;

    public final Path root;
    public final ManualClock clock = ManualClock.startingAtFixedInstant();
    public final AtomicInteger forces = new AtomicInteger();
    public volatile DiskUsageProbe probe = dir -> 0.10;
    public volatile SegmentForcer forcer = SegmentForcer.mapped();
    private final FlushDiskType flushType;
    private final boolean startAgents;
    private final String deleteWhen;
    public StoreDirectory store;
    public MappedCommitLog log;

    public TestStore(Path root, FlushDiskType flushType, boolean startAgents, String deleteWhen) {
        this.root = root;
        this.flushType = flushType;
        this.startAgents = startAgents;
        this.deleteWhen = deleteWhen;
    }

    public static TestStore open(Path root, FlushDiskType flushType, boolean startAgents) throws IOException {
        return new TestStore(root, flushType, startAgents, "04").reopen();
    }

    public CommitLogConfig config() {
        return new CommitLogConfig(
                root.resolve("commitlog"), SEGMENT, flushType, 100, 1_000, 72, deleteWhen, 75, 90, true);
    }

    public TestStore reopen() throws IOException {
        store = StoreDirectory.open(root);
        SegmentForcer counting = (segment, from, to) -> {
            forces.incrementAndGet();
            forcer.force(segment, from, to);
        };
        log = LogOpener.open(
                config(),
                clock,
                new QueueOffsets(),
                dir -> probe.usedRatio(dir),
                store,
                new LogOpener.Options(counting, startAgents, 0));
        return this;
    }

    /** Closes cleanly: log, then store (checkpoint, abort marker, lock). */
    @Override
    public void close() throws IOException {
        if (log != null) {
            log.close();
            store.close();
            log = null;
        }
    }

    /**
     * Leaves the files as a crash would: closed, but with the abort marker back and the checkpoint
     * saying only {@code flushedOffset} was flushed (UNKNOWN deletes it).
     */
    public void closeAsCrashed(long flushedOffset) throws IOException {
        close();
        Files.createFile(root.resolve("abort"));
        Files.delete(root.resolve("checkpoint"));
        if (flushedOffset != StoreCheckpoint.UNKNOWN) {
            StoreCheckpoint checkpoint = StoreCheckpoint.load(root.resolve("checkpoint"));
            checkpoint.commitLogFlushed(flushedOffset, clock.millis());
            checkpoint.persist();
        }
    }

    public Path segmentFile(long startOffset) {
        return root.resolve("commitlog").resolve(String.format("%020d", startOffset));
    }

    public AppendResult append(RecordSource record) {
        return log.append(record).join();
    }
}
