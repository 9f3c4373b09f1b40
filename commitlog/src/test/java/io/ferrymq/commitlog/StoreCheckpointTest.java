package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.commitlog.internal.CheckpointLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAllValues() throws Exception {
        Path file = dir.resolve("checkpoint");
        StoreCheckpoint checkpoint = StoreCheckpoint.load(file);
        checkpoint.commitLogFlushed(123_456_789_012L, 1_700_000_000_000L);
        checkpoint.indexed(42L, 1_700_000_000_001L);
        checkpoint.persist();

        StoreCheckpoint loaded = StoreCheckpoint.load(file);
        assertThat(loaded.commitLogFlushedOffset()).isEqualTo(123_456_789_012L);
        assertThat(loaded.commitLogFlushedTimestampMs()).isEqualTo(1_700_000_000_000L);
        assertThat(loaded.indexedOffset()).isEqualTo(42L);
        assertThat(loaded.indexedTimestampMs()).isEqualTo(1_700_000_000_001L);
        assertThat(Files.size(file)).isEqualTo(CheckpointLayout.SIZE);
        assertThat(Files.exists(dir.resolve("checkpoint.tmp"))).isFalse();
    }

    @Test
    void missingFileIsUnknown() throws Exception {
        StoreCheckpoint loaded = StoreCheckpoint.load(dir.resolve("checkpoint"));
        assertThat(loaded.commitLogFlushedOffset()).isEqualTo(StoreCheckpoint.UNKNOWN);
        assertThat(loaded.indexedOffset()).isEqualTo(StoreCheckpoint.UNKNOWN);
    }

    @Test
    void anyFlippedByteMakesItUnknown() throws Exception {
        Path file = dir.resolve("checkpoint");
        StoreCheckpoint checkpoint = StoreCheckpoint.load(file);
        checkpoint.commitLogFlushed(1000, 1);
        checkpoint.persist();
        byte[] good = Files.readAllBytes(file);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            Files.write(file, bad);
            assertThat(StoreCheckpoint.load(file).commitLogFlushedOffset())
                    .as("byte %d flipped", i)
                    .isEqualTo(StoreCheckpoint.UNKNOWN);
        }
    }

    @Test
    void truncatedOrEmptyFileIsUnknown() throws Exception {
        Path file = dir.resolve("checkpoint");
        Files.write(file, new byte[0]);
        assertThat(StoreCheckpoint.load(file).commitLogFlushedOffset()).isEqualTo(StoreCheckpoint.UNKNOWN);
        Files.write(file, new byte[CheckpointLayout.SIZE - 1]);
        assertThat(StoreCheckpoint.load(file).commitLogFlushedOffset()).isEqualTo(StoreCheckpoint.UNKNOWN);
    }

    @Test
    void aLeftoverTempFileIsIgnoredAndReplaced() throws Exception {
        Path file = dir.resolve("checkpoint");
        Files.write(dir.resolve("checkpoint.tmp"), new byte[] {1, 2, 3});
        StoreCheckpoint checkpoint = StoreCheckpoint.load(file);
        checkpoint.commitLogFlushed(7, 7);
        checkpoint.persist();
        assertThat(StoreCheckpoint.load(file).commitLogFlushedOffset()).isEqualTo(7);
    }
}
