package io.ferrymq.consumequeue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the key-index files of a directory in sequence order and makes them consistent. Files older
 * than the newest were made durable whole when the next one was started, so they are trusted as their
 * headers say. The newest one may have been written past its last sync: its entry count is the header's
 * and its slot table is rebuilt to match ({@link SlotTableRebuild}). A newest file with a damaged header
 * (created just before a crash) is deleted; damage to an older one leaves a hole the index cannot
 * describe, so then every file is deleted and recovery re-indexes the whole log.
 *
 * <p>Stateless; runs at open, on the opening thread.
 */
final class IndexFileLoader {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFileLoader.class);

    private IndexFileLoader() {}

    /** The valid files of {@code dir}, oldest first, the newest one repaired; empty when there are none. */
    static List<IndexFile> load(Path dir) {
        List<Path> paths = list(dir);
        List<IndexFile> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            IndexFile file = open(path);
            if (file != null) {
                files.add(file);
            } else if (i == paths.size() - 1) {
                LOG.warn("key index file {} has no valid header (created just before a crash?): deleted", path);
                delete(path);
            } else {
                LOG.warn("key index file {} has no valid header: deleting the whole key index to rebuild it", path);
                deleteAll(dir);
                return new ArrayList<>();
            }
        }
        if (!files.isEmpty()) {
            IndexFile newest = files.get(files.size() - 1);
            int rebuilt = newest.discardPastDurableCount();
            if (rebuilt > 0) {
                LOG.info(
                        "key index file {}: kept its {} durable entries, rebuilt {} slots that pointed past them",
                        newest.file(),
                        newest.count(),
                        rebuilt);
            }
        }
        return files;
    }

    /** Deletes every key-index file in {@code dir}; returns how many there were. */
    static int deleteAll(Path dir) {
        List<Path> paths = list(dir);
        paths.forEach(IndexFileLoader::delete);
        return paths.size();
    }

    private static IndexFile open(Path path) {
        try {
            return IndexFile.open(
                    path, IndexFileLayout.sequence(path.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open key index file " + path, e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> IndexFileLayout.sequence(p.getFileName().toString()) >= 0)
                    .sorted(Comparator.comparingLong(
                            p -> IndexFileLayout.sequence(p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
