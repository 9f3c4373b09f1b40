package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.consumequeue.StoreDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksLibraryTest {
    @TempDir
    Path root;

    @Test
    void copiesTheLibraryOnceAndReusesTheCopy() throws IOException {
        Path copy = RocksLibrary.cachedCopy(root);

        assertThat(copy).startsWith(root).isRegularFile();
        assertThat(Files.size(copy)).isGreaterThan(1 << 20);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(copy, old);

        assertThat(RocksLibrary.cachedCopy(root)).isEqualTo(copy);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(old);
        assertThat(filesUnder(copy.getParent())).containsExactly(copy);
    }

    @Test
    void replacesADamagedCopy() throws IOException {
        Path copy = RocksLibrary.cachedCopy(root);
        byte[] intact = Files.readAllBytes(copy);
        byte[] damaged = intact.clone();
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(copy, damaged);

        assertThat(RocksLibrary.cachedCopy(root)).isEqualTo(copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(intact);
        assertThat(filesUnder(copy.getParent())).containsExactly(copy);
    }

    @Test
    void anUnusableFolderIsAnError() throws IOException {
        Path notAFolder = Files.writeString(root.resolve("file"), "x");

        assertThatThrownBy(() -> RocksLibrary.cachedCopy(notAFolder)).isInstanceOf(IOException.class);
    }

    @Test
    void theStoreLoadsTheCachedCopyNotATemporaryOne() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(maps), "needs /proc (Linux)");
        try (StoreDb db = StoreDb.open(root.resolve("db"), List.of("probe"))) {
            assertThat(db.family("probe")).isNotNull();
        }

        List<String> rocks = Files.readAllLines(maps).stream()
                .filter(line -> line.contains("librocksdbjni"))
                .map(line -> line.substring(line.indexOf('/')))
                .distinct()
                .toList();
        assertThat(rocks)
                .isNotEmpty()
                .allSatisfy(path -> assertThat(Path.of(path)).startsWith(RocksLibrary.cacheRoot()));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
