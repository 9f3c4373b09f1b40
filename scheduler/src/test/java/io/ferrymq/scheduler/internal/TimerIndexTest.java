package io.ferrymq.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.StoreDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

class TimerIndexTest {
    @TempDir
    Path dir;

    @Test
    void entriesScanInDeliveryOrderAndMetaRecordsStayOutOfTheWay() {
        try (StoreDb db = StoreDb.open(dir, Set.of());
                TimerIndex index = new TimerIndex(db);
                WriteBatch batch = new WriteBatch()) {
            index.put(batch, 3_000, 10, 100, 0);
            index.put(batch, 1_000, 20, 200, 1);
            index.put(batch, 1_000, 5, 300, 2);
            index.put(batch, 2_000, 1, 400, 3);
            index.putLong(batch, TimerIndexLayout.PROGRESS_KEY, 4);
            index.putLong(batch, TimerIndexLayout.metaKey(TimerIndexLayout.CANCEL_TAG, 77), 0);
            index.write(batch);
            index.writeFence(5_000);

            List<long[]> all = new ArrayList<>();
            index.scan(
                    0,
                    0,
                    Long.MAX_VALUE,
                    100,
                    (at, offset, size, queueOffset) -> all.add(new long[] {at, offset, size, queueOffset}));
            assertThat(all)
                    .extracting(e -> e[0] + "/" + e[1] + "/" + e[2] + "/" + e[3])
                    .containsExactly("1000/5/300/2", "1000/20/200/1", "2000/1/400/3", "3000/10/100/0");
            assertThat(index.readLong(TimerIndexLayout.PROGRESS_KEY, -1)).isEqualTo(4);
            assertThat(index.fence()).isEqualTo(5_000);
            assertThat(index.metaRecords(TimerIndexLayout.CANCEL_TAG)).containsOnlyKeys(77L);
            assertThat(index.firstDeliverAtMs()).isEqualTo(1_000);
        }
    }

    @Test
    void scansFromAKeyToATimeWithALimit() {
        try (StoreDb db = StoreDb.open(dir, Set.of());
                TimerIndex index = new TimerIndex(db);
                WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < 10; i++) {
                index.put(batch, 1_000 + i * 100, i, 50, i);
            }
            index.write(batch);
            List<Long> seen = new ArrayList<>();
            int visited = index.scan(1_200, 3, 1_800, 100, (at, offset, size, q) -> seen.add(offset));
            assertThat(visited).isEqualTo(5);
            assertThat(seen).containsExactly(3L, 4L, 5L, 6L, 7L);
            seen.clear();
            index.scan(1_000, 0, Long.MAX_VALUE, 2, (at, offset, size, q) -> seen.add(offset));
            assertThat(seen).containsExactly(0L, 1L);
        }
    }

    @Test
    void deletesCountsAndContains() {
        try (StoreDb db = StoreDb.open(dir, Set.of());
                TimerIndex index = new TimerIndex(db);
                WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < 10; i++) {
                index.put(batch, 1_000 + i * 1_000, i, 50, i);
            }
            index.write(batch);
            index.delete(batch, 2_000, 1);
            index.write(batch);
            assertThat(index.contains(2_000, 1)).isFalse();
            assertThat(index.contains(3_000, 2)).isTrue();
            long[] counts = index.countBelow(new long[] {2_500, 5_000, 100_000}, 1_000);
            assertThat(counts).containsExactly(1, 3, 5, 0);
            long[] capped = index.countBelow(new long[] {100_000}, 4);
            assertThat(capped).containsExactly(4, 1);
        }
    }

    @Test
    void survivesReopening() {
        try (StoreDb db = StoreDb.open(dir, Set.of());
                TimerIndex index = new TimerIndex(db);
                WriteBatch batch = new WriteBatch()) {
            index.put(batch, 9_000, 42, 128, 7);
            index.putLong(batch, TimerIndexLayout.counterKey(TimerIndexLayout.COUNTER_INDEXED), 1);
            index.write(batch);
        }
        try (StoreDb db = StoreDb.open(dir, Set.of());
                TimerIndex index = new TimerIndex(db)) {
            assertThat(index.entries(10)).hasSize(1);
            assertThat(index.entries(10).get(0)).containsExactly(9_000, 42, 128, 7);
            assertThat(TimerCounters.load(index).pending()).isEqualTo(1);
        }
    }
}
