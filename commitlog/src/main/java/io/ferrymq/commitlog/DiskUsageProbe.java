package io.ferrymq.commitlog;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** How full the disk under the store is, as a ratio 0..1. Injectable, so tests can fill the disk. */
@FunctionalInterface
public interface DiskUsageProbe {
    double usedRatio(Path directory);

    /** The file system's own numbers, as {@code df} computes them. */
    static DiskUsageProbe fileSystem() {
        return directory -> {
            try {
                FileStore store = Files.getFileStore(directory);
                return usedRatio(store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /**
     * Used space over what this process could ever have: {@code used / (used + usable)}, as {@code df}
     * reports it. Not {@code 1 - usable / total}: space reserved for root, or not available to this
     * user or container, would count as used and retention would delete data on a disk a third full.
     */
    static double usedRatio(long totalBytes, long unallocatedBytes, long usableBytes) {
        long used = Math.max(0, totalBytes - unallocatedBytes);
        long reachable = used + Math.max(0, usableBytes);
        return reachable == 0 ? 0 : (double) used / reachable;
    }
}
