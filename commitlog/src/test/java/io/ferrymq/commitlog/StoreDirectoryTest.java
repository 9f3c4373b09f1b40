package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDirectoryTest {
    @TempDir
    Path root;

    @Test
    void secondOpenInTheSameJvmFailsAtOnceWithAClearMessage() throws Exception {
        try (StoreDirectory first = StoreDirectory.open(root)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> StoreDirectory.open(root))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessage(
                            "store " + root + " is in use by another process: lock held on " + root.resolve("lock"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        }
        StoreDirectory.open(root).close(); // released on close
    }

    @Test
    void anotherProcessOpeningALockedStoreExitsWithTheMessage() throws Exception {
        Path output = Files.createTempFile(root.getParent(), "probe", ".out");
        try (StoreDirectory held = StoreDirectory.open(root)) {
            Process child = ChildJvm.start(LockProbeMain.class, output, root.toString());
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(3);
            assertThat(Files.readString(output))
                    .contains("store " + root + " is in use by another process: lock held on " + root.resolve("lock"));
        }
        Process child = ChildJvm.start(LockProbeMain.class, output, root.toString());
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(output)).isZero();
    }

    @Test
    void abortMarkerExistsWhileOpenAndMarksACrashWhenLeftBehind() throws Exception {
        StoreDirectory first = StoreDirectory.open(root);
        assertThat(first.crashed()).isFalse();
        assertThat(Files.exists(root.resolve("abort"))).isTrue();
        first.close();
        assertThat(Files.exists(root.resolve("abort"))).isFalse();

        try (StoreDirectory clean = StoreDirectory.open(root)) {
            assertThat(clean.crashed()).isFalse();
        }
        Files.createFile(root.resolve("abort"));
        try (StoreDirectory crashed = StoreDirectory.open(root)) {
            assertThat(crashed.crashed()).isTrue();
            assertThat(Files.exists(root.resolve("abort"))).isTrue();
        }
        assertThat(Files.exists(root.resolve("abort"))).isFalse();
    }

    @Test
    void closePersistsTheIndexedOffsetTheConsumeQueueLayerSet() throws Exception {
        try (StoreDirectory store = StoreDirectory.open(root)) {
            store.checkpoint().indexed(4096, 5);
        }
        try (StoreDirectory store = StoreDirectory.open(root)) {
            assertThat(store.checkpoint().indexedOffset()).isEqualTo(4096);
        }
    }
}
