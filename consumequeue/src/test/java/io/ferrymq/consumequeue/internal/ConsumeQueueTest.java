package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.BoundaryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {
    private static final int PER_FILE = 10;

    @TempDir
    Path dir;

    private ConsumeQueue queue() {
        return new ConsumeQueue("T", 0, dir, PER_FILE);
    }

    /** Entry n points at commit-log offset 1000 + 100 n, size 100, tags hash n. */
    private static void fill(ConsumeQueue queue, long from, long to) {
        for (long n = from; n < to; n++) {
            assertThat(queue.append(n, 1000 + 100 * n, 100, n)).isTrue();
        }
        queue.publish();
    }

    @Test
    void appendsAndReadsEntriesAcrossFiles() throws Exception {
        ConsumeQueue queue = queue();
        fill(queue, 0, 25);
        assertThat(queue.minOffset()).isZero();
        assertThat(queue.maxOffset()).isEqualTo(25);
        QueueEntry entry = new QueueEntry();
        for (long n = 0; n < 25; n++) {
            assertThat(queue.read(n, entry)).isTrue();
            assertThat(entry.physicalOffset()).isEqualTo(1000 + 100 * n);
            assertThat(entry.size()).isEqualTo(100);
            assertThat(entry.tagsHash()).isEqualTo(n);
        }
        assertThat(queue.read(25, entry)).isFalse();
        assertThat(queue.read(-1, entry)).isFalse();
        assertThat(files()).containsExactly("00000000000000000000", "00000000000000000200", "00000000000000000400");
        assertThat(Files.size(dir.resolve("00000000000000000200"))).isEqualTo(PER_FILE * 20L);
    }

    @Test
    void skipsOffsetsAlreadyIndexedAndAllowsAGapAfterwards() {
        ConsumeQueue queue = queue();
        fill(queue, 0, 5);
        assertThat(queue.append(3, 9999, 1, 1)).isFalse();
        assertThat(queue.append(7, 1700, 100, 7)).isTrue();
        assertThat(queue.maxOffset()).as("not yet published").isEqualTo(5);
        queue.publish();
        QueueEntry entry = new QueueEntry();
        assertThat(queue.read(5, entry)).isFalse();
        assertThat(queue.read(7, entry)).isTrue();
        assertThat(queue.maxOffset()).isEqualTo(8);
    }

    @Test
    void anEmptyQueueStartsWhereItsFirstEntryIs() {
        ConsumeQueue queue = queue();
        queue.append(23, 5000, 100, 0);
        queue.publish();
        assertThat(queue.minOffset()).isEqualTo(23);
        assertThat(queue.maxOffset()).isEqualTo(24);
    }

    @Test
    void truncationDropsEntriesAtOrPastAPhysicalOffset() throws Exception {
        ConsumeQueue queue = queue();
        fill(queue, 0, 25);
        assertThat(queue.truncateFrom(1000 + 100 * 12 + 50)).isEqualTo(12);
        assertThat(queue.maxOffset()).isEqualTo(13);
        assertThat(files()).containsExactly("00000000000000000000", "00000000000000000200");
        assertThat(queue.truncateFrom(0)).isEqualTo(13);
        assertThat(queue.maxOffset()).isZero();
        fill(queue, 0, 3);
        assertThat(queue.maxOffset()).isEqualTo(3);
    }

    @Test
    void forgetsEntriesBelowTheLogMinimumAndDeletesWholeFiles() throws Exception {
        ConsumeQueue queue = queue();
        fill(queue, 0, 25);
        assertThat(queue.forgetBelow(1000 + 100 * 13)).isEqualTo(13);
        assertThat(queue.minOffset()).isEqualTo(13);
        assertThat(queue.read(12, new QueueEntry())).isFalse();
        assertThat(files()).containsExactly("00000000000000000200", "00000000000000000400");
        assertThat(queue.forgetBelow(1_000_000)).isEqualTo(25);
        assertThat(queue.minOffset()).isEqualTo(queue.maxOffset());
        fill(queue, 25, 27);
        assertThat(queue.minOffset()).isEqualTo(25);
        assertThat(queue.maxOffset()).isEqualTo(27);
    }

    @Test
    void searchesByStoreTime() {
        ConsumeQueue queue = queue();
        fill(queue, 0, 25);
        // entry n stored at 10 n, except 10..12 which share time 100
        Map<Long, Long> times = new HashMap<>();
        for (long n = 0; n < 25; n++) {
            times.put(1000 + 100 * n, n >= 10 && n <= 12 ? 100 : 10 * n);
        }
        StoreTimeReader reader = (physicalOffset, size) -> times.get(physicalOffset);
        assertThat(queue.offsetByTime(100, BoundaryType.LOWER, reader)).isEqualTo(10);
        assertThat(queue.offsetByTime(100, BoundaryType.UPPER, reader)).isEqualTo(12);
        assertThat(queue.offsetByTime(55, BoundaryType.LOWER, reader)).isEqualTo(6);
        assertThat(queue.offsetByTime(55, BoundaryType.UPPER, reader)).isEqualTo(5);
        assertThat(queue.offsetByTime(-5, BoundaryType.LOWER, reader))
                .as("all newer")
                .isZero();
        assertThat(queue.offsetByTime(-5, BoundaryType.UPPER, reader))
                .as("all newer")
                .isZero();
        assertThat(queue.offsetByTime(10_000, BoundaryType.LOWER, reader))
                .as("all older")
                .isEqualTo(25);
        assertThat(queue.offsetByTime(10_000, BoundaryType.UPPER, reader))
                .as("all older")
                .isEqualTo(25);
        assertThat(queue.offsetByTime(240, BoundaryType.UPPER, reader)).isEqualTo(24);
    }

    @Test
    void searchingAnEmptyQueueGivesItsMax() {
        assertThat(queue().offsetByTime(5, BoundaryType.LOWER, (p, s) -> 0)).isZero();
    }

    @Test
    void loaderRestoresQueuesFromTheManifestAndCutsDamage() throws Exception {
        ConsumeQueueTable table = new ConsumeQueueTable(dir, PER_FILE);
        fill(table.findOrCreate("T", 0), 0, 25);
        fill(table.findOrCreate("T", 1), 0, 25);
        fill(table.findOrCreate("U", 0), 0, 5);
        table.all().forEach(ConsumeQueue::flush);
        Files.delete(dir.resolve("T/1/00000000000000000200"));

        ConsumeQueueTable loaded = new ConsumeQueueTable(dir, PER_FILE);
        var damaged = new ConsumeQueueLoader(loaded, Map.of("T", Map.of(0, 25L, 1, 25L))).load();

        assertThat(loaded.find("T", 0).maxOffset()).isEqualTo(25);
        assertThat(loaded.find("T", 1).maxOffset()).isEqualTo(10);
        assertThat(damaged).hasSize(1);
        assertThat(damaged.get(0).queue()).isSameAs(loaded.find("T", 1));
        assertThat(damaged.get(0).recordedMax()).isEqualTo(25);
        assertThat(Files.exists(dir.resolve("T/1/00000000000000000400")))
                .as("files past the damage")
                .isFalse();
        assertThat(loaded.find("U", 0)).as("not in the manifest").isNull();
        assertThat(files(dir.resolve("U/0"))).isEmpty();
    }

    @Test
    void loaderFlagsAFileCutShort() throws Exception {
        ConsumeQueueTable table = new ConsumeQueueTable(dir, PER_FILE);
        fill(table.findOrCreate("T", 0), 0, 15);
        table.all().forEach(ConsumeQueue::flush);
        Path file = dir.resolve("T/0/00000000000000000000");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(20 * 4 + 7);
        }
        ConsumeQueueTable loaded = new ConsumeQueueTable(dir, PER_FILE);
        var damaged = new ConsumeQueueLoader(loaded, Map.of("T", Map.of(0, 15L))).load();
        assertThat(damaged).hasSize(1);
        assertThat(loaded.find("T", 0).maxOffset()).isEqualTo(4);
    }

    private List<String> files() throws Exception {
        return files(dir);
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
