package io.ferrymq.consumequeue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's native library from one cached copy per RocksDB build instead of a fresh temporary
 * file per process.
 *
 * <p>RocksDB's own loader copies its library (17 MB on Linux) into a new file under {@code /tmp} at
 * every start and deletes it only when the JVM exits normally: every broker ended by {@code kill -9}
 * or a crash leaves one behind, and a broker in a restart loop fills {@code /tmp}. Here the library
 * is copied once into {@code <cache>/rocksdbjni-<crc>/}, checked against the jar's CRC at every
 * start, and loaded from there. Processes starting together race harmlessly: each writes its own
 * temporary file beside the target and renames it into place atomically.
 *
 * <p>The cache folder is the system property {@value #DIR_PROPERTY}, else {@code
 * $XDG_CACHE_HOME/ferrymq/native}, else {@code ~/.cache/ferrymq/native}, created readable by its owner
 * only. Where it cannot be used (read-only home, no library for this platform in the jar), RocksDB's
 * own loader takes over, with a warning.
 */
public final class RocksLibrary {
    /** System property naming the folder the native library is cached in. */
    public static final String DIR_PROPERTY = "ferrymq.native.dir";

    private static final Logger LOG = LoggerFactory.getLogger(RocksLibrary.class);
    private static volatile boolean loaded;

    private RocksLibrary() {}

    /** Loads the library once per JVM; later calls return at once. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (RocksLibrary.class) {
            if (!loaded) {
                loadOnce();
                loaded = true;
            }
        }
    }

    private static void loadOnce() {
        Path library;
        try {
            library = cachedCopy(cacheRoot());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot cache RocksDB's native library ({}); RocksDB copies it to a temporary file", e.toString());
            RocksDB.loadLibrary();
            return;
        }
        try {
            RocksDB.loadLibrary(List.of(library.getParent().toString()));
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("cannot load {} ({}); RocksDB copies it to a temporary file", library, e.getMessage());
            RocksDB.loadLibrary();
        }
    }

    /** The folder copies are cached in, by the rules in the class comment. */
    static Path cacheRoot() {
        String configured = System.getProperty(DIR_PROPERTY, "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ferrymq").resolve("native");
    }

    /**
     * The library for this platform, copied out of the rocksdbjni jar into {@code root} unless an
     * intact copy is already there; returns the copy's path.
     */
    static Path cachedCopy(Path root) throws IOException {
        String resourceName = Environment.getJniLibraryFileName("rocksdb");
        URL resource = RocksDB.class.getResource("/" + resourceName);
        if (resource == null) {
            throw new IOException("the rocksdbjni jar has no " + resourceName + " for this platform");
        }
        URLConnection connection = resource.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException(resourceName + " is not inside a jar: " + resource);
        }
        JarEntry entry = jar.getJarEntry();
        Path dir = root.resolve("rocksdbjni-" + Long.toHexString(entry.getCrc()));
        // RocksDB.loadLibrary(paths) looks in each folder for this name, which RocksJava 11 spells
        // "librocksdbjnijni-linux64.so" (facebook/rocksdb#14167); asking it for the name keeps the two in step.
        Path target = dir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
        if (Files.isRegularFile(target) && crc(target) == entry.getCrc()) {
            return target;
        }
        createPrivately(dir);
        Path part = Files.createTempFile(dir, target.getFileName().toString(), ".part");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (crc(part) != entry.getCrc()) {
                throw new IOException("copy of " + resourceName + " does not match the jar's CRC");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        LOG.info("cached RocksDB's native library in {}", target);
        return target;
    }

    private static void createPrivately(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
