package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageProbeTest {
    private static final long GIB = 1L << 30;

    @Test
    void spaceThatIsNeitherUsedNorAvailableDoesNotCountAsUsed() {
        // seen on a build machine: 252 GiB in all, 34 GiB used, 69 GiB available to us
        double ratio = DiskUsageProbe.usedRatio(252 * GIB, 218 * GIB, 69 * GIB);
        assertThat(ratio).isCloseTo(34.0 / 103.0, within(1e-9));
    }

    @Test
    void reservedBlocksAreNotCountedAsUsed() {
        // ext4 keeps 5% for root: a half-used disk is half used, not 55% used
        assertThat(DiskUsageProbe.usedRatio(100 * GIB, 50 * GIB, 45 * GIB)).isCloseTo(50.0 / 95.0, within(1e-9));
        assertThat(DiskUsageProbe.usedRatio(0, 0, 0)).isZero();
    }

    @Test
    void theRealFileSystemAnswersARatio(@TempDir Path dir) {
        assertThat(DiskUsageProbe.fileSystem().usedRatio(dir)).isBetween(0.0, 1.0);
    }
}
