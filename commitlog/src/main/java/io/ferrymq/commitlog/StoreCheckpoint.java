package io.ferrymq.commitlog;

import io.ferrymq.commitlog.internal.CheckpointLayout;
import io.ferrymq.commitlog.internal.CheckpointLayout.Values;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's {@code checkpoint} file ({@link CheckpointLayout}): how far the commit log is known to be
 * on disk, and how far the indexes (ConsumeQueue layer) were built. Values are kept in memory and
 * written to the file by {@link #persist()}; the flush agents do that on an interval and on close, the
 * index layer after setting {@link #indexed(long, long)}. A missing or corrupt file loads as unknown
 * ({@link #UNKNOWN}).
 *
 * <p>Thread-safe: setters replace one immutable snapshot atomically; persisting is synchronised.
 */
public final class StoreCheckpoint {
    /** An offset nobody recorded: recovery scans from the oldest segment. */
    public static final long UNKNOWN = CheckpointLayout.UNKNOWN;

    private static final Logger LOG = LoggerFactory.getLogger(StoreCheckpoint.class);

    private final Path file;
    private volatile Values values;

    private StoreCheckpoint(Path file, Values values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the file; a missing or corrupt one gives unknown offsets (logged at WARN if corrupt). */
    public static StoreCheckpoint load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new StoreCheckpoint(file, Values.NONE);
        }
        Values decoded = CheckpointLayout.decode(bytes);
        if (decoded == null) {
            LOG.warn(
                    "checkpoint {} is corrupt ({} bytes): offsets unknown, recovery scans from the oldest segment",
                    file,
                    bytes.length);
            return new StoreCheckpoint(file, Values.NONE);
        }
        return new StoreCheckpoint(file, decoded);
    }

    public Path file() {
        return file;
    }

    /** Every commit-log byte before this offset is on disk, or {@link #UNKNOWN}. */
    public long commitLogFlushedOffset() {
        return values.commitLogFlushed();
    }

    public long commitLogFlushedTimestampMs() {
        return values.commitLogFlushedMs();
    }

    /** The commit-log offset up to which indexes were built, or {@link #UNKNOWN}. */
    public long indexedOffset() {
        return values.indexed();
    }

    public long indexedTimestampMs() {
        return values.indexedMs();
    }

    /** Records a commit-log force (in memory; {@link #persist()} writes it). */
    public synchronized void commitLogFlushed(long offset, long timestampMs) {
        Values v = values;
        values = new Values(offset, timestampMs, v.indexed(), v.indexedMs());
    }

    /** Records how far the indexes were built (in memory; {@link #persist()} writes it). */
    public synchronized void indexed(long offset, long timestampMs) {
        Values v = values;
        values = new Values(v.commitLogFlushed(), v.commitLogFlushedMs(), offset, timestampMs);
    }

    /** Replaces the file atomically with the current values: temp file, force, rename, force directory. */
    public synchronized void persist() throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer bytes = CheckpointLayout.encode(values);
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(file.toAbsolutePath().getParent());
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to open or force a directory; the rename is then as durable as they allow
            LOG.debug("could not force directory {}: {}", directory, e.toString());
        }
    }

    @Override
    public String toString() {
        Values v = values;
        return "checkpoint[commitLogFlushed=" + v.commitLogFlushed() + ", indexed=" + v.indexed() + "]";
    }
}
