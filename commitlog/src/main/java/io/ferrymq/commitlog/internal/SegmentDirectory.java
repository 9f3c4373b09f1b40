package io.ferrymq.commitlog.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of segment files: finds them on open, creates the next one, deletes old ones.
 *
 * <p>Thread-safe: holds only immutable state; the file system serialises the rest.
 */
public final class SegmentDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentDirectory.class);

    private static final String PREPARED_SUFFIX = ".prepared";

    private final Path directory;
    private final int segmentSizeBytes;
    private final boolean warm;

    /**
     * What was found on open: the contiguous run from the oldest file, any files after a gap, and the
     * start of the first file that had the wrong size (-1 if none): its content cannot be trusted.
     */
    public record Found(List<Segment> contiguous, List<Path> afterGap, long firstResized) {}

    /** @param warm whether prepared segments are written full of zeros and forced, or created sparse */
    public SegmentDirectory(Path directory, int segmentSizeBytes, boolean warm) {
        this.directory = directory;
        this.segmentSizeBytes = segmentSizeBytes;
        this.warm = warm;
    }

    public Path path() {
        return directory;
    }

    /** Maps every segment file, oldest first, stopping at the first missing one. */
    public Found load() throws IOException {
        Files.createDirectories(directory);
        deleteAllPrepared();
        TreeMap<Long, Path> files = listSegmentFiles();
        List<Segment> contiguous = new ArrayList<>();
        List<Path> afterGap = new ArrayList<>();
        long expected = files.isEmpty() ? 0 : files.firstKey();
        long firstResized = -1;
        for (var entry : files.entrySet()) {
            if (entry.getKey() != expected || !afterGap.isEmpty()) {
                afterGap.add(entry.getValue());
                continue;
            }
            if (firstResized < 0 && Files.size(entry.getValue()) != segmentSizeBytes) {
                firstResized = entry.getKey();
            }
            contiguous.add(openExisting(entry.getValue(), entry.getKey()));
            expected += segmentSizeBytes;
        }
        return new Found(contiguous, afterGap, firstResized);
    }

    private TreeMap<Long, Path> listSegmentFiles() throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path file : stream) {
                OptionalLong start = SegmentFileName.parse(file.getFileName().toString());
                if (start.isEmpty()) {
                    continue;
                }
                if (start.getAsLong() % segmentSizeBytes != 0) {
                    throw new IllegalStateException("segment " + file + " does not start at a multiple of "
                            + segmentSizeBytes + " bytes: was mappedFileSizeCommitLog changed?");
                }
                files.put(start.getAsLong(), file);
            }
        }
        return files;
    }

    private Segment openExisting(Path file, long startOffset) throws IOException {
        long length = Files.size(file);
        if (length != segmentSizeBytes) {
            LOG.warn(
                    "segment {} is {} bytes, not {}: resized (a crash while it was created?)",
                    file,
                    length,
                    segmentSizeBytes);
        }
        Segment segment = Segment.open(file, startOffset, segmentSizeBytes);
        segment.lastStoreTimestampMs(Files.getLastModifiedTime(file).toMillis());
        return segment;
    }

    /** Creates and maps the segment starting at {@code startOffset}. */
    /**
     * Writes the segment at {@code startOffset} under a {@code .prepared} name, zero-filled to its full
     * size with plain writes (blocks allocated, pages cached), and forces it.
     */
    Path writePrepared(long startOffset) throws IOException {
        Path file = preparedPath(startOffset);
        if (!warm) {
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(0);
                sparse.setLength(segmentSizeBytes);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (long position = 0; position < segmentSizeBytes; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), segmentSizeBytes - position));
                position += channel.write(zeros, position);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Renames a prepared file to its segment name and maps it. */
    Segment adoptPrepared(Path prepared, long startOffset) throws IOException {
        Path file = directory.resolve(SegmentFileName.of(startOffset));
        Files.move(prepared, file, StandardCopyOption.ATOMIC_MOVE);
        return Segment.open(file, startOffset, segmentSizeBytes);
    }

    void deletePrepared(long startOffset) {
        try {
            Files.deleteIfExists(preparedPath(startOffset));
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", preparedPath(startOffset), e.toString());
        }
    }

    /** Removes every {@code .prepared} file (left by a crash, or by a close during a preparation). */
    void deleteAllPrepared() {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + PREPARED_SUFFIX)) {
            for (Path file : stream) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not clear prepared segments in {}: {}", directory, e.toString());
        }
    }

    private Path preparedPath(long startOffset) {
        return directory.resolve(SegmentFileName.of(startOffset) + PREPARED_SUFFIX);
    }

    public Segment create(long startOffset) throws IOException {
        Path file = directory.resolve(SegmentFileName.of(startOffset));
        return Segment.open(file, startOffset, segmentSizeBytes);
    }

    /** Deletes a segment's file; its mapping stays valid until unmapped. */
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
