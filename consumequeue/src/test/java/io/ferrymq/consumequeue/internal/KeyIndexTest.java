package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.StoreDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

class KeyIndexTest {
    private static final byte[] TOPIC = "Orders".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private StoreDb db;
    private KeyIndex index;

    @BeforeEach
    void open() {
        db = StoreDb.open(dir.resolve("rocksdb"), List.of(KeyIndex.FAMILY));
        index = new KeyIndex(db);
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private void add(byte[] topic, String keys, String uniqKey, long timeMs, long offset) throws Exception {
        try (WriteBatch batch = new WriteBatch()) {
            index.add(topic, keys, uniqKey, timeMs, offset, 200);
            index.write(batch);
        }
    }

    private List<Long> offsets(String topic, String key, long begin, long end, int max, long logMin) {
        return index.query(topic, key, begin, end, max, logMin, hit -> true).hits().stream()
                .map(KeyHit::physicalOffset)
                .toList();
    }

    @Test
    void indexesEveryKeyAndTheUniqueKey() throws Exception {
        add(TOPIC, "a  b c", "U1", 10, 100);
        add(TOPIC, "b", null, 20, 300);
        assertThat(offsets("Orders", "a", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L);
        assertThat(offsets("Orders", "b", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L, 300L);
        assertThat(offsets("Orders", "c", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L);
        assertThat(offsets("Orders", "U1", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L);
        assertThat(offsets("Orders", "", 0, Long.MAX_VALUE, 10, 0)).isEmpty();
        assertThat(offsets("Other", "a", 0, Long.MAX_VALUE, 10, 0)).isEmpty();
        KeyHit hit = index.query("Orders", "a", 0, 100, 1, 0, h -> true).hits().get(0);
        assertThat(hit).isEqualTo(new KeyHit(100, 200, 10));
    }

    @Test
    void topicAndKeyBoundariesDoNotBleed() throws Exception {
        add("Ord".getBytes(StandardCharsets.UTF_8), "ersk", null, 10, 100);
        add(TOPIC, "k", null, 10, 200);
        add(TOPIC, "kk", null, 10, 300);
        assertThat(offsets("Orders", "k", 0, Long.MAX_VALUE, 10, 0)).containsExactly(200L);
        assertThat(offsets("Ord", "ersk", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L);
    }

    @Test
    void queriesWithinATimeRange() throws Exception {
        for (int i = 0; i < 10; i++) {
            add(TOPIC, "k", null, 100 + i * 10, 1000 + i);
        }
        assertThat(offsets("Orders", "k", 130, 160, 100, 0)).containsExactly(1003L, 1004L, 1005L, 1006L);
        assertThat(offsets("Orders", "k", 0, 99, 100, 0)).isEmpty();
        assertThat(offsets("Orders", "k", 190, Long.MAX_VALUE, 100, 0)).containsExactly(1009L);
    }

    @Test
    void flagsResultsCutAtMaxNum() throws Exception {
        for (int i = 0; i < 5; i++) {
            add(TOPIC, "k", null, 100 + i, 1000 + i);
        }
        KeyIndex.KeyHits cut = index.query("Orders", "k", 0, Long.MAX_VALUE, 3, 0, h -> true);
        assertThat(cut.hits()).hasSize(3);
        assertThat(cut.truncated()).isTrue();
        KeyIndex.KeyHits all = index.query("Orders", "k", 0, Long.MAX_VALUE, 5, 0, h -> true);
        assertThat(all.hits()).hasSize(5);
        assertThat(all.truncated()).isFalse();
        KeyIndex.KeyHits filtered =
                index.query("Orders", "k", 0, Long.MAX_VALUE, 3, 0, h -> h.physicalOffset() % 2 == 0);
        assertThat(filtered.hits()).extracting(KeyHit::physicalOffset).containsExactly(1000L, 1002L, 1004L);
        assertThat(filtered.truncated()).isFalse();
    }

    @Test
    void skipsAndSweepsEntriesBelowTheLogMinimum() throws Exception {
        for (int i = 0; i < 50; i++) {
            add(TOPIC, "k" + (i % 3), null, 100 + i, 1000L * i);
        }
        assertThat(offsets("Orders", "k0", 0, Long.MAX_VALUE, 100, 30_000))
                .allMatch(o -> o >= 30_000)
                .hasSize(7);
        while (index.sweepStep(30_000, 7)) {
            // a slice per step
        }
        assertThat(entries()).isEqualTo(20);
        assertThat(offsets("Orders", "k0", 0, Long.MAX_VALUE, 100, 0)).hasSize(7);
    }

    @Test
    void entriesSurviveAReopen() throws Exception {
        add(TOPIC, "k", "U", 10, 100);
        index.close();
        db.close();
        db = StoreDb.open(dir.resolve("rocksdb"), List.of(KeyIndex.FAMILY));
        index = new KeyIndex(db);
        assertThat(db.createdNew()).isFalse();
        assertThat(offsets("Orders", "U", 0, Long.MAX_VALUE, 10, 0)).containsExactly(100L);
    }

    @Test
    void opensFamiliesByNameAndKeepsThem() {
        db.family("timers");
        index.close();
        db.close();
        db = StoreDb.open(dir.resolve("rocksdb"), List.of(KeyIndex.FAMILY));
        index = new KeyIndex(db);
        assertThat(db.family("timers")).isNotNull();
    }

    private int entries() {
        int count = 0;
        try (RocksIterator it = db.rocksDb().newIterator(db.family(KeyIndex.FAMILY))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                count++;
            }
        }
        return count;
    }
}
