package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final int SEGMENT = TestStore.SEGMENT;

    @TempDir
    Path root;

    private TestStore t;
    private final Random random = new Random(21);
    private final List<Long> heard = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        t = TestStore.open(root, FlushDiskType.ASYNC_FLUSH, false); // clock at 2026-01-01T00:00Z, deleteWhen 04
        t.log.addRetentionListener(heard::add);
    }

    @AfterEach
    void close() throws Exception {
        t.close();
    }

    private void appendUntil(long offset) {
        while (t.log.writtenOffset() < offset) {
            assertThat(t.append(MessageSource.ofSize("t", 0, 2000, random)).status())
                    .isEqualTo(AppendStatus.OK);
        }
    }

    private long segmentFiles() {
        try (var files = Files.list(root.resolve("commitlog"))) {
            // the zero-filled next segment waits under a ".prepared" name: not a segment yet
            return files.filter(f -> f.getFileName().toString().matches("\\d{20}"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int step() {
        return t.log.agents().retention().doWork();
    }

    @Test
    void expiredSegmentsAreDeletedOnlyDuringADeleteWhenHour() {
        appendUntil(2L * SEGMENT + 1); // segments 0 and 1 sealed at t0
        t.clock.advance(Duration.ofHours(48));
        appendUntil(3L * SEGMENT + 1); // segment 2 last written at t0+48h, segment 3 active
        t.clock.advance(Duration.ofHours(25)); // 01:00, segments 0 and 1 are 73 h old
        assertThat(step()).isZero();
        assertThat(t.log.minOffset()).isZero();

        t.clock.advance(Duration.ofHours(3)); // 04:00
        step();

        assertThat(t.log.minOffset()).isEqualTo(2L * SEGMENT);
        assertThat(heard).containsExactly(2L * SEGMENT);
        assertThat(Files.exists(t.segmentFile(0))).isFalse();
        assertThat(Files.exists(t.segmentFile(SEGMENT))).isFalse();
        assertThat(Files.exists(t.segmentFile(2L * SEGMENT))).isTrue();
        assertThat(t.log.slice(100, 10)).isNull();
        assertThat(t.log.sliceToSegmentEnd(SEGMENT)).isNull();
        assertThat(t.log.agents().retired().pending()).isZero(); // grace 0 in tests: unmapped in the same step
    }

    @Test
    void aboveTheMaxRatioTheOldestGoAtOnceButNoMoreThanNeeded() {
        appendUntil(4L * SEGMENT + 1); // five segment files
        t.probe = dir -> 0.60 + 0.05 * segmentFiles(); // 0.85 now; 0.75 with three files
        step();

        assertThat(segmentFiles()).isEqualTo(3);
        assertThat(t.log.minOffset()).isEqualTo(2L * SEGMENT);
        assertThat(heard).containsExactly(2L * SEGMENT);
        assertThat(t.append(MessageSource.text("t", 0, "still writable")).status())
                .isEqualTo(AppendStatus.OK);
    }

    @Test
    void theActiveSegmentIsNeverDeleted() {
        appendUntil(SEGMENT / 2);
        t.clock.advance(Duration.ofHours(100 + 4));
        t.probe = dir -> 0.80;
        step();
        assertThat(segmentFiles()).isEqualTo(1);
        assertThat(t.log.minOffset()).isZero();
        assertThat(heard).isEmpty();
    }

    @Test
    void aboveTheHardLimitAppendsAreRefusedUntilSpaceReturns() {
        t.append(MessageSource.text("t", 0, "before"));
        t.probe = dir -> 0.95;
        step();
        AppendResult refused = t.append(MessageSource.text("t", 0, "refused"));
        assertThat(refused.status()).isEqualTo(AppendStatus.DISK_FULL);
        assertThat(refused.written()).isFalse();

        t.probe = dir -> 0.50;
        step();
        assertThat(t.append(MessageSource.text("t", 0, "accepted")).status()).isEqualTo(AppendStatus.OK);
    }

    @Test
    void aFullDiskAtOpenRefusesTheFirstAppend() throws Exception {
        t.close();
        t.probe = dir -> 0.99;
        t.reopen();
        assertThat(t.append(MessageSource.text("t", 0, "x")).status()).isEqualTo(AppendStatus.DISK_FULL);
    }

    @Test
    void aFloorKeepsTheSegmentsItNeedsForAgeAndForSpaceUntilItMoves() {
        appendUntil(3L * SEGMENT + 1); // segments 0, 1, 2 sealed, 3 active
        java.util.concurrent.atomic.AtomicLong floor = new java.util.concurrent.atomic.AtomicLong(SEGMENT + 10);
        t.log.addRetentionFloor(floor::get);
        t.clock.advance(Duration.ofHours(76)); // all sealed segments expired, 04:00

        step();

        assertThat(t.log.minOffset()).as("segment 1 holds the floor").isEqualTo(SEGMENT);
        assertThat(Files.exists(t.segmentFile(SEGMENT))).isTrue();
        t.probe = dir -> 0.85;
        step();
        assertThat(t.log.minOffset()).as("not even for space").isEqualTo(SEGMENT);

        floor.set(Long.MAX_VALUE);
        step();
        assertThat(t.log.minOffset()).isEqualTo(3L * SEGMENT);
    }
}
