package io.ferrymq.commitlog;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** How full the disk under the store is, as a ratio 0..1. Injectable, so tests can fill the disk. */
@FunctionalInterface
public interface DiskUsageProbe {
    double usedRatio(Path directory);

    /** The file system's own numbers. */
    static DiskUsageProbe fileSystem() {
        return directory -> {
            try {
                FileStore store = Files.getFileStore(directory);
                long total = store.getTotalSpace();
                return total == 0 ? 0 : 1.0 - (double) store.getUsableSpace() / total;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
