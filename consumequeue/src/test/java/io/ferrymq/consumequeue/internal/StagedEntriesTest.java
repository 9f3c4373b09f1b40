package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.StoreDb;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

class StagedEntriesTest {
    @TempDir
    Path dir;

    @Test
    void drainsEveryEntryInBytewiseOrderAndForgetsThem() throws RocksDBException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        StagedEntries staged = new StagedEntries();
        List<byte[]> expected = new ArrayList<>();
        try (StoreDb db = StoreDb.open(dir.resolve("rocksdb"), List.of(KeyIndex.FAMILY));
                WriteBatch batch = new WriteBatch()) {
            // more than the initial capacity, with non-ASCII bytes (unsigned order) and duplicates
            for (int i = 0; i < 5_000; i++) {
                byte[] topic = ("T" + random.nextInt(3)).getBytes(StandardCharsets.UTF_8);
                byte[] key = ("k" + random.nextInt(2_000) + (random.nextBoolean() ? "é" : ""))
                        .getBytes(StandardCharsets.UTF_8);
                long time = random.nextInt(1000);
                long offset = random.nextInt(1 << 20);
                staged.add(topic, topic.length, key, 0, key.length, time, offset, i);
                expected.add(KeyIndexLayout.entryKey(
                        KeyIndexLayout.prefix(topic, new String(key, StandardCharsets.UTF_8)), time, offset));
            }

            staged.drainSorted(batch, db.family(KeyIndex.FAMILY));

            List<byte[]> written = keysOf(batch);
            expected.sort(Comparator.comparing(b -> b, Arrays::compareUnsigned));
            assertThat(written).as("seed %d", seed).hasSize(expected.size());
            for (int i = 0; i < written.size(); i++) {
                assertThat(written.get(i)).as("seed %d, entry %d", seed, i).isEqualTo(expected.get(i));
            }
            assertThat(staged.isEmpty()).isTrue();
            batch.clear();
            staged.drainSorted(batch, db.family(KeyIndex.FAMILY));
            assertThat(batch.count()).isZero();
        }
    }

    private static List<byte[]> keysOf(WriteBatch batch) throws RocksDBException {
        List<byte[]> keys = new ArrayList<>();
        batch.iterate(new WriteBatch.Handler() {
            @Override
            public void put(int columnFamilyId, byte[] key, byte[] value) {
                assertThat(ByteBuffer.wrap(value).getInt()).isBetween(0, 5_000);
                keys.add(key);
            }

            @Override
            public void put(byte[] key, byte[] value) {
                keys.add(key);
            }

            @Override
            public void merge(int columnFamilyId, byte[] key, byte[] value) {}

            @Override
            public void merge(byte[] key, byte[] value) {}

            @Override
            public void delete(int columnFamilyId, byte[] key) {}

            @Override
            public void delete(byte[] key) {}

            @Override
            public void singleDelete(int columnFamilyId, byte[] key) {}

            @Override
            public void singleDelete(byte[] key) {}

            @Override
            public void deleteRange(int columnFamilyId, byte[] beginKey, byte[] endKey) {}

            @Override
            public void deleteRange(byte[] beginKey, byte[] endKey) {}

            @Override
            public void logData(byte[] blob) {}

            @Override
            public void putBlobIndex(int columnFamilyId, byte[] key, byte[] value) {}

            @Override
            public void markBeginPrepare() {}

            @Override
            public void markEndPrepare(byte[] xid) {}

            @Override
            public void markNoop(boolean emptyBatch) {}

            @Override
            public void markRollback(byte[] xid) {}

            @Override
            public void markCommit(byte[] xid) {}

            @Override
            public void markCommitWithTimestamp(byte[] xid, byte[] ts) {}
        });
        return keys;
    }
}
