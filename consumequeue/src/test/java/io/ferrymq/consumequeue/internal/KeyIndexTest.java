package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key index over real files: what it finds, how files roll over, retention and reopening. */
class KeyIndexTest {
    static final byte[] TOPIC = "Orders".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private KeyIndex index;

    private void open(int slots, int entries) {
        open("index", slots, entries);
    }

    private void open(String subdir, int slots, int entries) {
        index = KeyIndex.open(dir.resolve(subdir), slots, entries);
    }

    /** Adds a record the way the dispatcher does: KEYS and UNIQ_KEY located in one property array. */
    static void add(KeyIndex index, byte[] topic, String keys, String uniqKey, long timeMs, long offset) {
        byte[] k = keys == null ? new byte[0] : keys.getBytes(StandardCharsets.UTF_8);
        byte[] u = uniqKey == null ? new byte[0] : uniqKey.getBytes(StandardCharsets.UTF_8);
        byte[] properties = new byte[k.length + u.length + 3];
        System.arraycopy(k, 0, properties, 1, k.length);
        System.arraycopy(u, 0, properties, k.length + 2, u.length);
        index.add(
                topic,
                topic.length,
                properties,
                keys == null ? -1 : 1,
                k.length + 1,
                uniqKey == null ? -1 : k.length + 2,
                k.length + 2 + u.length,
                timeMs,
                offset,
                200);
    }

    private void add(String keys, String uniqKey, long timeMs, long offset) {
        add(index, TOPIC, keys, uniqKey, timeMs, offset);
    }

    static List<Long> offsets(KeyIndex index, String topic, String key, long begin, long end, int max, long logMin) {
        return index.query(topic, key, begin, end, max, logMin, hit -> true).hits().stream()
                .map(KeyHit::physicalOffset)
                .toList();
    }

    private List<Long> offsets(String key) {
        return offsets(index, "Orders", key, 0, Long.MAX_VALUE, 1000, 0);
    }

    @Test
    void indexesEveryKeyWordAndTheUniqueKey() {
        open(1024, 1000);
        add("a  b c", "U1", 10, 100);
        add("b", null, 20, 300);
        add(null, "U2", 30, 500);
        assertThat(offsets("a")).containsExactly(100L);
        assertThat(offsets("b")).containsExactly(100L, 300L);
        assertThat(offsets("c")).containsExactly(100L);
        assertThat(offsets("U1")).containsExactly(100L);
        assertThat(offsets("U2")).containsExactly(500L);
        assertThat(offsets("")).isEmpty();
        assertThat(offsets(index, "Other", "a", 0, Long.MAX_VALUE, 10, 0)).isEmpty();
        KeyHit hit = index.query("Orders", "a", 0, 100, 1, 0, h -> true).hits().get(0);
        assertThat(hit).isEqualTo(new KeyHit(100, 200, 10));
        assertThat(index.files().get(0).count()).isEqualTo(6);
    }

    @Test
    void topicAndKeyBoundariesDoNotBleed() {
        open(1024, 1000);
        add(index, "Ord".getBytes(StandardCharsets.UTF_8), "ersk", null, 10, 100);
        add("k", null, 10, 200);
        add("kk", null, 10, 300);
        assertThat(offsets("k")).containsExactly(200L);
        assertThat(offsets("ersk")).isEmpty();
        assertThat(offsets(index, "Ord", "ersk", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L);
    }

    @Test
    void keysSharingOneBucketStayApart() {
        for (int slots : new int[] {1, 2}) {
            open("index-" + slots, slots, 1000);
            for (int i = 0; i < 60; i++) {
                add("k" + (i % 6), "U" + i, 100 + i, 1000L * i);
            }
            for (int k = 0; k < 6; k++) {
                int key = k;
                assertThat(offsets("k" + k))
                        .as("slots %d, key k%d", slots, k)
                        .hasSize(10)
                        .allMatch(o -> (o / 1000) % 6 == key);
            }
            assertThat(offsets("U42")).containsExactly(42_000L);
            assertThat(offsets("k6")).isEmpty();
        }
    }

    @Test
    void queriesWithinATimeRangeAndAboveTheLogMinimum() {
        open(16, 1000);
        for (int i = 0; i < 10; i++) {
            add("k", null, 100 + i * 10, 1000 + i);
        }
        assertThat(offsets(index, "Orders", "k", 130, 160, 100, 0)).containsExactly(1003L, 1004L, 1005L, 1006L);
        assertThat(offsets(index, "Orders", "k", 0, 99, 100, 0)).isEmpty();
        assertThat(offsets(index, "Orders", "k", 190, Long.MAX_VALUE, 100, 0)).containsExactly(1009L);
        assertThat(offsets(index, "Orders", "k", 0, Long.MAX_VALUE, 100, 1007)).containsExactly(1007L, 1008L, 1009L);
        assertThat(offsets(index, "Orders", "k", 130, 160, 100, 1005)).containsExactly(1005L, 1006L);
    }

    @Test
    void returnsOldestFirstAndFlagsResultsCutAtMaxNum() {
        open(16, 1000);
        for (int i = 0; i < 5; i++) {
            add("k", null, 200 - i, 1000 + i); // store times run backwards: order is by time, then offset
        }
        KeyIndex.KeyHits cut = index.query("Orders", "k", 0, Long.MAX_VALUE, 3, 0, h -> true);
        assertThat(cut.hits()).extracting(KeyHit::physicalOffset).containsExactly(1004L, 1003L, 1002L);
        assertThat(cut.truncated()).isTrue();
        KeyIndex.KeyHits all = index.query("Orders", "k", 0, Long.MAX_VALUE, 5, 0, h -> true);
        assertThat(all.hits()).hasSize(5);
        assertThat(all.truncated()).isFalse();
        KeyIndex.KeyHits filtered =
                index.query("Orders", "k", 0, Long.MAX_VALUE, 3, 0, h -> h.physicalOffset() % 2 == 0);
        assertThat(filtered.hits()).extracting(KeyHit::physicalOffset).containsExactly(1004L, 1002L, 1000L);
        assertThat(filtered.truncated()).isFalse();
        assertThat(index.query("Orders", "k", 0, Long.MAX_VALUE, 0, 0, h -> true)
                        .hits())
                .isEmpty();
    }

    @Test
    void returnsARecordIndexedTwiceOnce() {
        open(16, 1000);
        add("k", "U", 10, 100);
        add("k", "U", 10, 100);
        add("k", null, 11, 200);
        assertThat(offsets("k")).containsExactly(100L, 200L);
        assertThat(offsets("U")).containsExactly(100L);
        KeyIndex.KeyHits one = index.query("Orders", "k", 0, Long.MAX_VALUE, 1, 0, h -> true);
        assertThat(one.hits()).hasSize(1);
        assertThat(one.truncated()).isTrue();
    }

    @Test
    void rollsOverToTheNextFileAndQueriesSpanFiles() throws Exception {
        open(8, 10);
        for (int i = 0; i < 25; i++) {
            add("k" + (i % 2) + " all", null, 100 + i, 1000L * i);
        }
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(10, 10, 10, 10, 10);
        assertThat(index.files())
                .extracting(f -> f.file().getFileName().toString())
                .containsExactly(
                        "00000000000000000000",
                        "00000000000000000001",
                        "00000000000000000002",
                        "00000000000000000003",
                        "00000000000000000004");
        assertThat(offsets("all")).hasSize(25).isSorted();
        assertThat(offsets("k1")).hasSize(12).allMatch(o -> (o / 1000) % 2 == 1);
        assertThat(offsets(index, "Orders", "all", 105, 112, 100, 0)).hasSize(8);
        assertThat(offsets(index, "Orders", "all", 0, Long.MAX_VALUE, 100, 20_000))
                .hasSize(5);
        // a full file is durable and records where the next one starts
        assertThat(index.files().get(0).completeOffset()).isEqualTo(5000L);
        assertThat(IndexFileTestSupport.header(index.files().get(0).file()).count())
                .isEqualTo(10);
    }

    @Test
    void retentionDeletesWholeFilesBelowTheLogMinimumButNeverTheNewest() throws Exception {
        open(8, 10);
        for (int i = 0; i < 25; i++) {
            add("k" + i, "U" + i, 100 + i, 1000L * i); // two entries a record: five records a file
        }
        assertThat(index.files()).hasSize(5);
        assertThat(index.deleteBelow(4_000)).isZero(); // file 0 points at 0..4000
        assertThat(index.deleteBelow(4_001)).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("index/00000000000000000000"))).isFalse();
        assertThat(offsets("k4")).isEmpty();
        assertThat(index.deleteBelow(9_001)).isEqualTo(1);
        assertThat(index.files()).hasSize(3);
        assertThat(Files.exists(dir.resolve("index/00000000000000000001"))).isFalse();
        assertThat(offsets("k9")).isEmpty();
        assertThat(offsets("k10")).containsExactly(10_000L);
        assertThat(index.deleteBelow(Long.MAX_VALUE)).isEqualTo(2);
        assertThat(index.files())
                .extracting(f -> f.file().getFileName().toString())
                .containsExactly("00000000000000000004");
        assertThat(offsets("U24")).containsExactly(24_000L);
        add("next", null, 200, 30_000);
        assertThat(offsets("next")).containsExactly(30_000L);
    }

    @Test
    void entriesSurviveAReopenAfterACleanClose() {
        open(8, 10);
        for (int i = 0; i < 12; i++) {
            add("k" + (i % 3), "U" + i, 100 + i, 1000L * i);
        }
        index.sync(12_000);
        open(64, 100); // a new geometry applies to files created from now on
        assertThat(index.durableOffset()).isEqualTo(12_000);
        assertThat(index.files()).extracting(IndexFile::count).containsExactly(10, 10, 4);
        assertThat(offsets("k0")).containsExactly(0L, 3000L, 6000L, 9000L);
        assertThat(offsets("U11")).containsExactly(11_000L);
        for (int i = 12; i < 16; i++) {
            add("k" + (i % 3), "U" + i, 100 + i, 1000L * i);
        }
        assertThat(index.files()).extracting(IndexFile::capacity).containsExactly(10, 10, 10, 100);
        assertThat(offsets("k0")).containsExactly(0L, 3000L, 6000L, 9000L, 12_000L, 15_000L);
    }

    @Test
    void createsFilesOfTheConfiguredGeometry() throws Exception {
        open(1000, 100_000);
        add("k", null, 1, 1);
        index.sync(2);
        Path file = dir.resolve("index/00000000000000000000");
        assertThat(Files.size(file)).isEqualTo(IndexFileLayout.fileSize(1000, 100_000));
        assertThat(IndexFileTestSupport.header(file).slotCount()).isEqualTo(1000);
        assertThat(IndexFileTestSupport.header(file).capacity()).isEqualTo(100_000);
    }

    @Test
    void aKeyOnEveryRecordIsQueriedOldestFirstInBoundedBatches() {
        open(64, 100_000);
        for (int i = 0; i < 50_000; i++) {
            // newest records written first would be the chain's head: store times rise with offsets here
            add("hot", null, 1_000 + i, 10_000L + i);
        }
        KeyIndex.KeyHits three = index.query("Orders", "hot", 0, Long.MAX_VALUE, 3, 0, hit -> true);
        assertThat(three.hits()).extracting(KeyHit::physicalOffset).containsExactly(10_000L, 10_001L, 10_002L);
        assertThat(three.truncated()).isTrue();

        // the filter turns down the 40 oldest (as the log check does for stale entries): the next are found
        KeyIndex.KeyHits afterRejects =
                index.query("Orders", "hot", 0, Long.MAX_VALUE, 3, 0, hit -> hit.physicalOffset() >= 10_040L);
        assertThat(afterRejects.hits()).extracting(KeyHit::physicalOffset).containsExactly(10_040L, 10_041L, 10_042L);

        // a window in the middle, and the end of the chain without truncation
        assertThat(offsets(index, "Orders", "hot", 30_000, 30_004, 100, 0))
                .containsExactly(39_000L, 39_001L, 39_002L, 39_003L, 39_004L);
        KeyIndex.KeyHits last = index.query("Orders", "hot", 50_998, Long.MAX_VALUE, 10, 0, hit -> true);
        assertThat(last.hits()).extracting(KeyHit::physicalOffset).containsExactly(59_998L, 59_999L);
        assertThat(last.truncated()).isFalse();
    }
}
