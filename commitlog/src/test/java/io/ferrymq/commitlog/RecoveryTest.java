package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.message.StoredRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    private static final int SEGMENT = TestStore.SEGMENT;

    @TempDir
    Path root;

    private TestStore t;
    private List<AppendResult> appended;

    @BeforeEach
    void fill() throws Exception {
        t = TestStore.open(root, FlushDiskType.ASYNC_FLUSH, false);
        appended = append(150, new Random(11));
        assertThat(t.log.writtenOffset()).isGreaterThan(3L * SEGMENT);
    }

    @AfterEach
    void close() throws Exception {
        t.close();
    }

    private List<AppendResult> append(int count, Random random) {
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(t.append(MessageSource.ofSize("t", i % 3, 600 + random.nextInt(2500), random)));
        }
        return results;
    }

    private AppendResult last() {
        return appended.get(appended.size() - 1);
    }

    private void assertKeptUpTo(long end) {
        assertThat(t.log.writtenOffset()).isEqualTo(end);
        for (AppendResult r : appended) {
            if (r.physicalOffset() + r.bytes() <= end) {
                ByteBuffer bytes = t.log.slice(r.physicalOffset(), r.bytes());
                assertThat(StoredRecord.validate(bytes, 0, r.bytes())).isEqualTo(r.bytes());
            }
        }
        AppendResult next = t.append(MessageSource.text("t", 0, "after recovery"));
        assertThat(next.physicalOffset()).isIn(end, (end / SEGMENT + 1) * SEGMENT);
    }

    private Path segmentOf(long offset) {
        return t.segmentFile(offset / SEGMENT * SEGMENT);
    }

    private static void write(Path file, long position, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(bytes);
        }
    }

    private static void flip(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x5A);
        }
    }

    @Test
    void flippedBytesInTheLastRecordDropOnlyThatRecord() throws Exception {
        t.closeAsCrashed(StoreCheckpoint.UNKNOWN);
        flip(segmentOf(last().physicalOffset()), last().physicalOffset() % SEGMENT + last().bytes() - 40);
        t.reopen();
        assertKeptUpTo(last().physicalOffset());
    }

    @Test
    void recordTruncatedMidWayIsDropped() throws Exception {
        t.closeAsCrashed(StoreCheckpoint.UNKNOWN);
        long position = last().physicalOffset() % SEGMENT;
        try (RandomAccessFile raf =
                new RandomAccessFile(segmentOf(last().physicalOffset()).toFile(), "rw")) {
            raf.setLength(position + last().bytes() / 2);
        }
        t.reopen();
        assertKeptUpTo(last().physicalOffset());
        assertThat(Files.size(segmentOf(last().physicalOffset()))).isEqualTo(SEGMENT);
    }

    @Test
    void segmentFileTruncatedAfterACleanCloseIsScannedNotTrusted() throws Exception {
        long lastStart = t.log.writtenOffset() / SEGMENT * SEGMENT;
        t.close();
        try (RandomAccessFile raf =
                new RandomAccessFile(t.segmentFile(lastStart).toFile(), "rw")) {
            raf.setLength(1000);
        }
        t.reopen();
        long keptEnd = appended.stream()
                .map(r -> r.physicalOffset() + r.bytes())
                .filter(end -> end <= lastStart + 1000)
                .max(Long::compare)
                .orElseThrow();
        assertKeptUpTo(Math.max(keptEnd, lastStart));
    }

    @Test
    void garbageAfterTheLastRecordIsDroppedAndZeroed() throws Exception {
        long end = t.log.writtenOffset();
        t.closeAsCrashed(StoreCheckpoint.UNKNOWN);
        byte[] garbage = new byte[300];
        new Random(3).nextBytes(garbage);
        write(segmentOf(end), end % SEGMENT, garbage);
        t.reopen();
        assertKeptUpTo(end);
        t.close();
        byte[] zeros = new byte[300];
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(end).toFile(), "r")) {
            raf.seek(end % SEGMENT + 400); // past the record appended after recovery
            byte[] read = new byte[200];
            raf.readFully(read);
            assertThat(read).isEqualTo(new byte[200]);
        }
        assertThat(zeros).hasSize(300);
    }

    @Test
    void recordsAfterTheCheckpointThatValidateAreKept() throws Exception {
        long end = t.log.writtenOffset();
        AppendResult middle = appended.get(appended.size() / 2);
        t.closeAsCrashed(middle.physicalOffset());
        t.reopen();
        assertKeptUpTo(end);
    }

    @Test
    void aMissingSegmentInTheMiddleEndsTheLogThere() throws Exception {
        t.closeAsCrashed(StoreCheckpoint.UNKNOWN);
        Files.delete(t.segmentFile(SEGMENT));
        t.reopen();
        assertKeptUpTo(SEGMENT);
        assertThat(Files.exists(t.segmentFile(2L * SEGMENT))).isFalse();
    }

    @Test
    void anEmptyDirectoryOpensAnEmptyLog() throws Exception {
        t.close();
        try (var files = Files.list(root.resolve("commitlog"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(root.resolve("checkpoint"));
        t.reopen();
        assertThat(t.log.writtenOffset()).isZero();
        assertThat(t.log.minOffset()).isZero();
        assertThat(t.append(MessageSource.text("t", 0, "first")).physicalOffset())
                .isZero();
    }

    @Test
    void cleanReopenTrustsTheCheckpointWithoutScanningButACrashReopenScans() throws Exception {
        appended.addAll(append(1500, new Random(12)));
        long end = t.log.writtenOffset();
        assertThat(end).isGreaterThan(30L * SEGMENT);
        AppendResult victim = appended.stream()
                .filter(r -> r.physicalOffset() > 2L * SEGMENT)
                .findFirst()
                .orElseThrow();
        t.close();
        flip(segmentOf(victim.physicalOffset()), victim.physicalOffset() % SEGMENT + victim.bytes() - 30);

        long start = System.nanoTime();
        t.reopen();
        long openMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("clean reopen of %d segments took %d ms%n", end / SEGMENT + 1, openMs);
        assertThat(openMs).isLessThan(1000);
        assertThat(t.log.writtenOffset())
                .as("old damage not noticed on a clean open")
                .isEqualTo(end);

        t.closeAsCrashed(StoreCheckpoint.UNKNOWN);
        t.reopen();
        assertThat(t.log.writtenOffset()).as("a crash open scans and finds it").isEqualTo(victim.physicalOffset());
    }
}
