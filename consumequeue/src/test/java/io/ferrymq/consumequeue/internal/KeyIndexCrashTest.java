package io.ferrymq.consumequeue.internal;

import static io.ferrymq.consumequeue.internal.KeyIndexTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reopening a key index whose writer died between syncs. The dead writer's mapping stays in the page
 * cache, as after kill -9: entries and slots written past the last sync are on "disk" but not counted.
 */
class KeyIndexCrashTest {
    private static final String FILE_0 = "00000000000000000000";
    private static final String FILE_1 = "00000000000000000001";

    @TempDir
    Path dir;

    /** Record i: keys "k{i % 5}" and unique key "U{i}", at offset 1000 i. */
    private static void addRecord(KeyIndex index, int i) {
        KeyIndexTest.add(index, TOPIC, "k" + (i % 5), "U" + i, 100 + i, offset(i));
    }

    private static long offset(int i) {
        return 1000L * i;
    }

    private static List<Long> offsets(KeyIndex index, String key) {
        return KeyIndexTest.offsets(index, "Orders", key, 0, Long.MAX_VALUE, 1000, 0);
    }

    @Test
    void discardsEntriesPastTheDurableCountAndRebuildsTheSlotsThatPointedAtThem() throws Exception {
        Path indexDir = dir.resolve("index");
        Path file = indexDir.resolve(FILE_0);
        KeyIndex dead = KeyIndex.open(indexDir, 4, 1000);
        for (int i = 0; i < 20; i++) {
            addRecord(dead, i);
        }
        dead.sync(offset(20));
        for (int i = 20; i < 30; i++) {
            addRecord(dead, i); // written and linked, never synced: the process dies here
        }
        assertThat(IndexFileTestSupport.header(file).count()).isEqualTo(40);
        assertThat(IndexFileTestSupport.highestReference(file, 60)).isEqualTo(60);

        KeyIndex index = KeyIndex.open(indexDir, 4, 1000);
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(40);
        assertThat(index.durableOffset()).isEqualTo(offset(20));
        assertThat(IndexFileTestSupport.highestReference(file, 40))
                .as("no slot points past the durable count")
                .isLessThanOrEqualTo(40);
        assertThat(offsets(index, "U25")).isEmpty();
        assertThat(offsets(index, "k0")).containsExactly(0L, 5000L, 10_000L, 15_000L);

        // the dispatcher replays from the checkpoint, older than what the index holds
        index.resumeAt(index.durableOffset());
        for (int i = 12; i < 30; i++) {
            addRecord(index, i);
        }
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(60);
        for (int i = 0; i < 30; i++) {
            assertThat(offsets(index, "U" + i)).as("U%d", i).containsExactly(offset(i));
        }
        assertThat(offsets(index, "k0")).containsExactly(0L, 5000L, 10_000L, 15_000L, 20_000L, 25_000L);
        assertThat(index.query("Orders", "k3", 0, Long.MAX_VALUE, 1000, 0, h -> true)
                        .hits())
                .extracting(KeyHit::physicalOffset)
                .doesNotHaveDuplicates()
                .hasSize(6);
        index.sync(offset(30));
        assertThat(IndexFileTestSupport.highestReference(file, 60)).isEqualTo(60);
    }

    @Test
    void aCrashRightAfterARolloverKeepsTheSealedFile() throws Exception {
        Path indexDir = dir.resolve("index");
        KeyIndex dead = KeyIndex.open(indexDir, 8, 10);
        dead.sync(0);
        for (int i = 0; i < 8; i++) {
            addRecord(dead, i); // five records fill file 0; record 5 starts file 1
        }
        assertThat(IndexFileTestSupport.header(indexDir.resolve(FILE_0)).count())
                .isEqualTo(10);
        assertThat(IndexFileTestSupport.header(indexDir.resolve(FILE_1)).count())
                .isZero();

        KeyIndex index = KeyIndex.open(indexDir, 8, 10);
        assertThat(index.durableOffset()).as("everything before record 5").isEqualTo(offset(5));
        index.resumeAt(index.durableOffset());
        for (int i = 0; i < 8; i++) {
            addRecord(index, i); // replay from the last checkpoint, at 0
        }
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(10, 6);
        for (int i = 0; i < 8; i++) {
            assertThat(offsets(index, "U" + i)).as("U%d", i).containsExactly(offset(i));
        }
    }

    @Test
    void deletesANewestFileWithoutAValidHeader() throws Exception {
        Path indexDir = dir.resolve("index");
        KeyIndex dead = KeyIndex.open(indexDir, 8, 10);
        for (int i = 0; i < 7; i++) {
            addRecord(dead, i);
        }
        dead.sync(offset(7));
        overwriteMagic(indexDir.resolve(FILE_1));

        KeyIndex index = KeyIndex.open(indexDir, 8, 10);
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(10);
        assertThat(index.durableOffset()).isEqualTo(offset(5));
        assertThat(offsets(index, "U4")).containsExactly(offset(4));
        index.resumeAt(index.durableOffset());
        addRecord(index, 5);
        assertThat(index.files())
                .extracting(f -> f.file().getFileName().toString())
                .containsExactly(FILE_0, FILE_1);
        assertThat(offsets(index, "U5")).containsExactly(offset(5));
    }

    @Test
    void dropsEveryFileWhenAnOlderOneIsDamaged() throws Exception {
        Path indexDir = dir.resolve("index");
        KeyIndex dead = KeyIndex.open(indexDir, 8, 10);
        for (int i = 0; i < 7; i++) {
            addRecord(dead, i);
        }
        dead.sync(offset(7));
        overwriteMagic(indexDir.resolve(FILE_0));

        KeyIndex index = KeyIndex.open(indexDir, 8, 10);
        assertThat(index.durableOffset())
                .as("unknown: recovery re-indexes the log")
                .isEqualTo(-1);
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(0);
        assertThat(offsets(index, "U6")).isEmpty();
    }

    private static void overwriteMagic(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4), IndexFileLayout.MAGIC_OFFSET);
        }
    }
}
