package io.ferrymq.consumequeue;

import io.ferrymq.commitlog.CommitLogConfig;
import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.consumequeue.internal.ConsumeQueueLayout;
import io.ferrymq.consumequeue.internal.IndexFileLayout;
import java.nio.file.Path;

/**
 * Settings of a {@link MessageStore}. Immutable. Names follow RocketMQ's config keys.
 *
 * @param storePathRootDir {@code storePathRootDir}: the store root (commitlog/, consumequeue/, index/,
 *     rocksdb/)
 * @param commitLog the commit log's settings; its directory must be {@code <root>/commitlog}
 * @param mappedFileSizeConsumeQueue {@code mappedFileSizeConsumeQueue}: bytes per consume-queue file,
 *     a multiple of 20 (default 6,000,000 = 300,000 entries)
 * @param flushIntervalConsumeQueueMs {@code flushIntervalConsumeQueue}: how often dispatched entries
 *     are made durable and the checkpoint's indexed offset advanced (default 1000)
 * @param maxHashSlotNum {@code maxHashSlotNum}: hash slots per key-index file (default 5,000,000)
 * @param maxIndexNum {@code maxIndexNum}: entries per key-index file (default 20,000,000); a file of
 *     the two must fit in 2 GiB
 */
public record StoreConfig(
        Path storePathRootDir,
        CommitLogConfig commitLog,
        int mappedFileSizeConsumeQueue,
        int flushIntervalConsumeQueueMs,
        int maxHashSlotNum,
        int maxIndexNum) {

    public StoreConfig {
        if (mappedFileSizeConsumeQueue < ConsumeQueueLayout.ENTRY_SIZE
                || mappedFileSizeConsumeQueue % ConsumeQueueLayout.ENTRY_SIZE != 0) {
            throw new IllegalArgumentException(
                    "mappedFileSizeConsumeQueue must be a positive multiple of 20, was " + mappedFileSizeConsumeQueue);
        }
        if (flushIntervalConsumeQueueMs < 1) {
            throw new IllegalArgumentException(
                    "flushIntervalConsumeQueue must be positive, was " + flushIntervalConsumeQueueMs);
        }
        if (!commitLog.directory().equals(storePathRootDir.resolve("commitlog"))) {
            throw new IllegalArgumentException("the commit log must live in " + storePathRootDir.resolve("commitlog")
                    + ", not " + commitLog.directory());
        }
        if (!IndexFileLayout.fits(maxHashSlotNum, maxIndexNum)) {
            throw new IllegalArgumentException("maxHashSlotNum (" + maxHashSlotNum + ") and maxIndexNum ("
                    + maxIndexNum + ") must be positive, and a key-index file of 64 + 4 x maxHashSlotNum"
                    + " + 32 x maxIndexNum bytes must fit in 2 GiB");
        }
    }

    /** The settings with the key index at RocketMQ's defaults. */
    public StoreConfig(
            Path storePathRootDir,
            CommitLogConfig commitLog,
            int mappedFileSizeConsumeQueue,
            int flushIntervalConsumeQueueMs) {
        this(
                storePathRootDir,
                commitLog,
                mappedFileSizeConsumeQueue,
                flushIntervalConsumeQueueMs,
                IndexFileLayout.DEFAULT_SLOT_COUNT,
                IndexFileLayout.DEFAULT_ENTRY_CAPACITY);
    }

    /** RocketMQ's defaults under {@code root}. */
    public static StoreConfig defaults(Path root) {
        return new StoreConfig(
                root, CommitLogConfig.defaults(root.resolve("commitlog")), ConsumeQueueLayout.DEFAULT_FILE_SIZE, 1000);
    }

    /** Entries per consume-queue file. */
    public int consumeQueueEntriesPerFile() {
        return mappedFileSizeConsumeQueue / ConsumeQueueLayout.ENTRY_SIZE;
    }

    /** The key index's directory, {@code <root>/index}. */
    public Path indexDir() {
        return storePathRootDir.resolve("index");
    }

    public StoreConfig withCommitLogSegmentSize(int bytes) {
        return new StoreConfig(
                storePathRootDir,
                commitLog.withSegmentSizeBytes(bytes),
                mappedFileSizeConsumeQueue,
                flushIntervalConsumeQueueMs,
                maxHashSlotNum,
                maxIndexNum);
    }

    public StoreConfig withFlushDiskType(FlushDiskType type) {
        return new StoreConfig(
                storePathRootDir,
                commitLog.withFlushDiskType(type),
                mappedFileSizeConsumeQueue,
                flushIntervalConsumeQueueMs,
                maxHashSlotNum,
                maxIndexNum);
    }

    public StoreConfig withConsumeQueueEntriesPerFile(int entries) {
        return new StoreConfig(
                storePathRootDir,
                commitLog,
                entries * ConsumeQueueLayout.ENTRY_SIZE,
                flushIntervalConsumeQueueMs,
                maxHashSlotNum,
                maxIndexNum);
    }

    public StoreConfig withFlushIntervalConsumeQueueMs(int ms) {
        return new StoreConfig(
                storePathRootDir, commitLog, mappedFileSizeConsumeQueue, ms, maxHashSlotNum, maxIndexNum);
    }

    /** {@code maxHashSlotNum} and {@code maxIndexNum}: the geometry of key-index files created from now on. */
    public StoreConfig withIndex(int maxHashSlotNum, int maxIndexNum) {
        return new StoreConfig(
                storePathRootDir,
                commitLog,
                mappedFileSizeConsumeQueue,
                flushIntervalConsumeQueueMs,
                maxHashSlotNum,
                maxIndexNum);
    }
}
