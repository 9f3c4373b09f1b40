package io.ferrymq.consumequeue;

import io.ferrymq.consumequeue.internal.RocksLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The store's one RocksDB ({@code <store>/rocksdb}), shared by every module that keeps state beside
 * the commit log, each in its own column family: {@code queues} here (the key index has its own files,
 * {@code <store>/index/}); {@code offsets}, {@code topics}, {@code groups}, {@code timers}, {@code transactions} in later modules,
 * opened by name with {@link #family(String)}. Every family already on disk is opened at start
 * (RocksDB requires it).
 *
 * <p>Thread-safe: RocksDB itself is; {@link #family} creates a missing family under a lock. Each
 * family should still have one writer, the module that owns it.
 */
public final class StoreDb implements AutoCloseable {
    private static final String DEFAULT = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);

    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions familyOptions;
    private final Map<String, ColumnFamilyHandle> families = new ConcurrentHashMap<>();
    private final boolean createdNew;
    private volatile boolean closed;

    private StoreDb(RocksDB db, DBOptions options, ColumnFamilyOptions familyOptions, boolean createdNew) {
        this.db = db;
        this.options = options;
        this.familyOptions = familyOptions;
        this.createdNew = createdNew;
    }

    /** Opens (creating if missing) the database in {@code dir} with at least {@code familyNames}. */
    public static StoreDb open(Path dir, Collection<String> familyNames) {
        RocksLibrary.load();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create " + dir, e);
        }
        boolean createdNew = !Files.exists(dir.resolve("CURRENT"));
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        ColumnFamilyOptions familyOptions = new ColumnFamilyOptions();
        Set<String> names = new LinkedHashSet<>();
        names.add(DEFAULT);
        names.addAll(existingFamilies(dir, createdNew));
        names.addAll(familyNames);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles);
            StoreDb store = new StoreDb(db, options, familyOptions, createdNew);
            int i = 0;
            for (String name : names) {
                store.families.put(name, handles.get(i++));
            }
            return store;
        } catch (RocksDBException e) {
            options.close();
            familyOptions.close();
            throw new StoreException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> existingFamilies(Path dir, boolean createdNew) {
        List<String> names = new ArrayList<>();
        if (createdNew) {
            return names;
        }
        try (org.rocksdb.Options listOptions = new org.rocksdb.Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(listOptions, dir.toString())) {
                names.add(new String(name, StandardCharsets.UTF_8));
            }
        } catch (RocksDBException e) {
            throw new StoreException("cannot list column families in " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** The handle of a column family, created if it does not exist yet. */
    public ColumnFamilyHandle family(String name) {
        ColumnFamilyHandle handle = families.get(name);
        return handle != null ? handle : createFamily(name);
    }

    private synchronized ColumnFamilyHandle createFamily(String name) {
        ColumnFamilyHandle handle = families.get(name);
        if (handle != null) {
            return handle;
        }
        try {
            handle = db.createColumnFamily(
                    new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions));
        } catch (RocksDBException e) {
            throw new StoreException("cannot create column family " + name + ": " + e.getMessage(), e);
        }
        families.put(name, handle);
        return handle;
    }

    /** Drops a column family and everything in it, if it exists; returns whether it did. */
    public synchronized boolean dropFamily(String name) {
        ColumnFamilyHandle handle = families.remove(name);
        if (handle == null) {
            return false;
        }
        try {
            db.dropColumnFamily(handle);
        } catch (RocksDBException e) {
            throw new StoreException("cannot drop column family " + name + ": " + e.getMessage(), e);
        } finally {
            handle.close();
        }
        return true;
    }

    public RocksDB rocksDb() {
        return db;
    }

    /** True when this open created the database (nothing was on disk before). */
    public boolean createdNew() {
        return createdNew;
    }

    /** Forces the write-ahead log to disk: every write made before the call is then durable. */
    public void syncWal() {
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            throw new StoreException("cannot sync the RocksDB write-ahead log: " + e.getMessage(), e);
        }
    }

    /** Syncs the write-ahead log and closes every family and the database. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            throw new StoreException("cannot sync RocksDB at close: " + e.getMessage(), e);
        } finally {
            for (ColumnFamilyHandle handle : families.values()) {
                handle.close();
            }
            db.close();
            options.close();
            familyOptions.close();
        }
    }
}
