package io.ferrymq.commitlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store root ({@code storePathRootDir}, DESIGN §4), held open for the life of the process: the
 * {@code lock} file is locked (one broker per store; a second opener, in another process or this JVM,
 * fails at once), the {@code abort} marker exists while the store is open (found at open = the last
 * shutdown was a crash), and the {@code checkpoint} is loaded.
 *
 * <p>Close it last, after the commit log and the indexes: closing persists the checkpoint, deletes
 * the marker and releases the lock.
 *
 * <p>Thread-safe: immutable after open; {@link #close()} is idempotent and synchronised.
 */
public final class StoreDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDirectory.class);

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean crashed;
    private final StoreCheckpoint checkpoint;
    private boolean closed;

    private StoreDirectory(Path root, FileChannel lockChannel, FileLock lock, boolean crashed, StoreCheckpoint cp) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.crashed = crashed;
        this.checkpoint = cp;
    }

    /**
     * Locks and opens the store at {@code root}, creating it if absent.
     *
     * @throws StoreLockedException if the store is already open
     */
    public static StoreDirectory open(Path root) throws IOException {
        Files.createDirectories(root);
        Path lockFile = root.resolve("lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new StoreLockedException("store " + root + " is in use by another process: lock held on " + lockFile);
        }
        try {
            return opened(root, channel, lock);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static StoreDirectory opened(Path root, FileChannel channel, FileLock lock) throws IOException {
        Path abort = root.resolve("abort");
        boolean crashed = Files.exists(abort);
        if (crashed) {
            LOG.warn("store {} was not shut down cleanly (abort marker present): recovering", root);
        } else {
            Files.createFile(abort);
        }
        StoreCheckpoint checkpoint = StoreCheckpoint.load(root.resolve("checkpoint"));
        return new StoreDirectory(root, channel, lock, crashed, checkpoint);
    }

    public Path root() {
        return root;
    }

    /** {@code <root>/commitlog}, where the segments live. */
    public Path commitLogDirectory() {
        return root.resolve("commitlog");
    }

    /** True when the abort marker was found at open: the last shutdown was a crash. */
    public boolean crashed() {
        return crashed;
    }

    public StoreCheckpoint checkpoint() {
        return checkpoint;
    }

    /** Persists the checkpoint, deletes the abort marker (a clean shutdown), releases the lock. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            checkpoint.persist();
            Files.deleteIfExists(root.resolve("abort"));
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    @Override
    public String toString() {
        return "store " + root;
    }
}
