package io.ferrymq.commitlog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentPreparerTest {
    private static final int SIZE = 64 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "warm {0}")
    @ValueSource(booleans = {true, false})
    void aReadyPreparationIsAdoptedUnderTheSegmentName(boolean warm) throws Exception {
        SegmentDirectory directory = new SegmentDirectory(dir, SIZE, warm);
        try (SegmentPreparer preparer = new SegmentPreparer(directory)) {
            preparer.prepare(SIZE);
            await().atMost(Duration.ofSeconds(10)).until(() -> preparer.isReady(SIZE));
            assertThat(dir.resolve("00000000000000065536.prepared")).hasSize(SIZE);

            Segment segment = preparer.take(SIZE);

            assertThat(segment).isNotNull();
            assertThat(segment.startOffset()).isEqualTo(SIZE);
            assertThat(dir.resolve("00000000000000065536")).hasSize(SIZE);
            assertThat(dir.resolve("00000000000000065536.prepared")).doesNotExist();
            assertThat(preparer.take(SIZE)).as("taken once").isNull();
            for (int i = 0; i < SIZE; i += 4096) {
                assertThat(segment.mapped().get(i))
                        .as("byte %d of a prepared segment", i)
                        .isZero();
            }
            Unmapper.instance().unmap(segment.mapped());
        }
    }

    @Test
    void anotherOffsetOrAnUnfinishedPreparationIsNotTakenAndLeavesNoFile() throws Exception {
        SegmentDirectory directory = new SegmentDirectory(dir, SIZE, true);
        try (SegmentPreparer preparer = new SegmentPreparer(directory)) {
            preparer.prepare(2L * SIZE);
            assertThat(preparer.take(SIZE)).isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> preparer.isReady(2L * SIZE));

            preparer.prepare(3L * SIZE); // the log moved on: the older preparation is discarded

            await().atMost(Duration.ofSeconds(10)).until(() -> preparer.isReady(3L * SIZE));
            assertThat(dir.resolve("00000000000000131072.prepared")).doesNotExist();
        }
        assertThat(files()).as("close removes what was prepared and not taken").isZero();
    }

    @Test
    void loadingTheDirectoryRemovesPreparationsLeftByACrash() throws Exception {
        Files.write(dir.resolve("00000000000000065536.prepared"), new byte[SIZE]);
        SegmentDirectory.Found found = new SegmentDirectory(dir, SIZE, false).load();
        assertThat(found.contiguous()).isEmpty();
        assertThat(files()).isZero();
    }

    private long files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
