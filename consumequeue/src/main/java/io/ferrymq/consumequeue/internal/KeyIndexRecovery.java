package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.protocol.message.IndexFields;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the key index at store open and brings it level with the point the dispatcher resumes from
 * (the checkpoint's indexed offset, as {@link StoreRecovery} settled it):
 *
 * <ol>
 *   <li>a store written by an older build kept its keys in RocksDB (column family {@value
 *       #LEGACY_FAMILY}): that family is dropped, and the index is rebuilt from the log's min offset;
 *   <li>the files are opened and the newest one cut back to its durable entries ({@link
 *       IndexFileLoader});
 *   <li>the index is complete up to the offset its newest header records (the log's min offset when
 *       unknown, at most the log's written end). When that is behind the resume point (the index
 *       directory was deleted, or the store is older), the records in between are re-indexed from the
 *       commit log by a key-only scan: no consume-queue writes, no listeners;
 *   <li>when it is ahead (the index was synced, then the process died before the checkpoint was
 *       persisted), the dispatcher's replay skips the records the index already holds.
 * </ol>
 *
 * <p>Stateless; runs on the opening thread before the dispatcher starts.
 */
final class KeyIndexRecovery {
    /** Where older builds kept the key index. */
    static final String LEGACY_FAMILY = "index";

    private static final Logger LOG = LoggerFactory.getLogger(KeyIndexRecovery.class);

    private KeyIndexRecovery() {}

    /** Opens the index in {@code dir}, complete up to {@code resumeOffset}, where dispatch resumes. */
    static KeyIndex recover(
            CommitLog log, StoreDb db, Path dir, int slotsPerFile, int entriesPerFile, long resumeOffset) {
        if (db.dropFamily(LEGACY_FAMILY)) {
            int stale = IndexFileLoader.deleteAll(dir);
            LOG.warn(
                    "store written by an older build: dropped its RocksDB key index (column family '{}'){};"
                            + " keys are re-indexed from the commit log",
                    LEGACY_FAMILY,
                    stale > 0 ? " and " + stale + " index files" : "");
        }
        KeyIndex index = KeyIndex.open(dir, slotsPerFile, entriesPerFile);
        long logMin = log.minOffset();
        long durable = index.durableOffset();
        long from = durable < 0 ? logMin : Math.max(logMin, Math.min(durable, log.writtenOffset()));
        if (from < resumeOffset) {
            reindex(log, index, from, resumeOffset, durable);
        }
        index.resumeAt(Math.max(from, resumeOffset));
        return index;
    }

    private static void reindex(CommitLog log, KeyIndex index, long from, long to, long durable) {
        LOG.warn(
                "key index is complete up to commit-log offset {} only, dispatch resumes at {}:"
                        + " re-indexing the keys of commit-log bytes {}..{}",
                durable < 0 ? "(unknown)" : durable,
                to,
                from,
                to);
        long started = System.nanoTime();
        IndexFields fields = new IndexFields();
        long[] records = new long[1];
        long reached = new LogScanner(log).scan(from, to, Integer.MAX_VALUE, (record, physicalOffset) -> {
            index.add(fields.read(record), record.storeTimestamp(), physicalOffset, record.totalSize());
            records[0]++;
        });
        LOG.info(
                "key index: re-indexed the keys of {} records (commit-log bytes {}..{}) in {} ms",
                records[0],
                from,
                reached,
                (System.nanoTime() - started) / 1_000_000);
    }
}
