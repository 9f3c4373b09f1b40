package io.ferrymq.commitlog;

import java.nio.file.Path;

/**
 * Settings of a {@link CommitLog}. Immutable. Names follow RocketMQ's config keys where one exists.
 *
 * @param directory where segments live ({@code <storePathRootDir>/commitlog})
 * @param segmentSizeBytes {@code mappedFileSizeCommitLog}: bytes per segment file (default 1 GiB)
 * @param flushDiskType {@code flushDiskType}
 * @param flushIntervalMs {@code flushIntervalCommitLog}: the ASYNC_FLUSH force interval (default 500)
 * @param syncFlushTimeoutMs {@code syncFlushTimeout}: how long a SYNC_FLUSH append waits for its force
 *     before completing with FLUSH_DISK_TIMEOUT (default 5000)
 * @param fileReservedTimeHours {@code fileReservedTime}: segments older than this are deleted (72)
 * @param deleteWhen {@code deleteWhen}: hours of the day (e.g. "04" or "04;16") when old segments go
 * @param diskMaxUsedSpaceRatio {@code diskMaxUsedSpaceRatio} percent: above it old segments are
 *     deleted at once, whatever the hour (75)
 * @param diskHardLimitRatio percent of disk use above which appends are refused (90)
 * @param warmMapedFileEnable {@code warmMapedFileEnable}: the next segment is written full of zeros
 *     and forced ahead of need, so appends never fault in a fresh page; costs writing every segment
 *     twice. Off (RocketMQ's default): the next segment is created sparse ahead of need
 */
public record CommitLogConfig(
        Path directory,
        int segmentSizeBytes,
        FlushDiskType flushDiskType,
        int flushIntervalMs,
        int syncFlushTimeoutMs,
        int fileReservedTimeHours,
        String deleteWhen,
        int diskMaxUsedSpaceRatio,
        int diskHardLimitRatio,
        boolean warmMapedFileEnable) {

    public static final int DEFAULT_SEGMENT_SIZE = 1024 * 1024 * 1024;

    public CommitLogConfig {
        if (segmentSizeBytes < 4096) {
            throw new IllegalArgumentException(
                    "mappedFileSizeCommitLog must be at least 4096, was " + segmentSizeBytes);
        }
        if (flushIntervalMs < 1 || syncFlushTimeoutMs < 1) {
            throw new IllegalArgumentException("flush intervals and timeouts must be positive");
        }
        if (diskMaxUsedSpaceRatio < 10 || diskMaxUsedSpaceRatio > 95) {
            throw new IllegalArgumentException("diskMaxUsedSpaceRatio must be 10..95, was " + diskMaxUsedSpaceRatio);
        }
        if (diskHardLimitRatio < diskMaxUsedSpaceRatio || diskHardLimitRatio > 99) {
            throw new IllegalArgumentException(
                    "diskHardLimitRatio must be diskMaxUsedSpaceRatio..99, was " + diskHardLimitRatio);
        }
    }

    /** RocketMQ's defaults for everything but the directory. */
    public static CommitLogConfig defaults(Path directory) {
        return new CommitLogConfig(
                directory, DEFAULT_SEGMENT_SIZE, FlushDiskType.ASYNC_FLUSH, 500, 5000, 72, "04", 75, 90, false);
    }

    public CommitLogConfig withSegmentSizeBytes(int bytes) {
        return new CommitLogConfig(
                directory,
                bytes,
                flushDiskType,
                flushIntervalMs,
                syncFlushTimeoutMs,
                fileReservedTimeHours,
                deleteWhen,
                diskMaxUsedSpaceRatio,
                diskHardLimitRatio,
                warmMapedFileEnable);
    }

    public CommitLogConfig withFlushDiskType(FlushDiskType type) {
        return new CommitLogConfig(
                directory,
                segmentSizeBytes,
                type,
                flushIntervalMs,
                syncFlushTimeoutMs,
                fileReservedTimeHours,
                deleteWhen,
                diskMaxUsedSpaceRatio,
                diskHardLimitRatio,
                warmMapedFileEnable);
    }

    public CommitLogConfig withWarmMapedFileEnable(boolean warm) {
        return new CommitLogConfig(
                directory,
                segmentSizeBytes,
                flushDiskType,
                flushIntervalMs,
                syncFlushTimeoutMs,
                fileReservedTimeHours,
                deleteWhen,
                diskMaxUsedSpaceRatio,
                diskHardLimitRatio,
                warm);
    }
}
