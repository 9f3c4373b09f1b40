package io.ferrymq.consumequeue.internal;

import io.ferrymq.protocol.message.IndexFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and unique-id index: append-only hash-index files ({@link IndexFile}, format in {@link
 * IndexFileLayout}) in {@code <store>/index/}, one entry per space-separated word of KEYS and one for
 * UNIQ_KEY, all in one key space so a query by key finds both (QUERY_MESSAGE, wire-protocol §4.11).
 * Entries hold a 64-bit hash of (topic, key), not the key: callers confirm every hit against the record
 * in the commit log, so a collision or an entry left behind by a crash costs a read, never a wrong
 * result. When the newest file is full the next one is started; retention deletes whole files.
 *
 * <p>Durability follows the dispatcher's checkpoint: {@link #sync} forces what was written and records
 * in the newest file's header how many entries are durable and up to which commit-log offset the index
 * is complete, before the checkpoint is persisted. Recovery ({@link KeyIndexRecovery}) discards entries
 * past that count and re-indexes records past that offset.
 *
 * <p>Queries are safe from any thread, concurrently with the writer. Writes ({@link #add}, {@link #sync},
 * {@link #deleteBelow}) belong to one thread: the dispatcher, or recovery before it starts.
 */
public final class KeyIndex {
    private static final Logger LOG = LoggerFactory.getLogger(KeyIndex.class);
    /** Candidates taken beyond those still wanted, so a few rejected by the filter cost no second walk. */
    private static final int BATCH_SLACK = 16;

    private static final Comparator<KeyHit> OLDEST_FIRST = Comparator.comparingLong(KeyHit::storeTimeMs)
            .thenComparingLong(KeyHit::physicalOffset)
            .thenComparingInt(KeyHit::size);

    /** Decides whether a candidate found in the index really is a result (the caller checks the log). */
    @FunctionalInterface
    public interface HitFilter {
        boolean accept(KeyHit hit);
    }

    private final Path dir;
    private final int slotsPerFile;
    private final int entriesPerFile;
    /** Oldest first; replaced, never changed in place. */
    private volatile IndexFile[] files;

    private IndexFile active;
    private long resumeOffset = -1;

    KeyIndex(Path dir, int slotsPerFile, int entriesPerFile, List<IndexFile> loaded) {
        this.dir = dir;
        this.slotsPerFile = slotsPerFile;
        this.entriesPerFile = entriesPerFile;
        if (loaded.isEmpty()) {
            loaded = List.of(IndexFile.create(dir, 0, slotsPerFile, entriesPerFile, -1));
        }
        this.files = loaded.toArray(new IndexFile[0]);
        this.active = files[files.length - 1];
    }

    /** Opens the index in {@code dir}, repairing its newest file after a crash ({@link IndexFileLoader}). */
    static KeyIndex open(Path dir, int slotsPerFile, int entriesPerFile) {
        return new KeyIndex(dir, slotsPerFile, entriesPerFile, IndexFileLoader.load(dir));
    }

    /** Every record before this commit-log offset is durably indexed; -1 if unknown. */
    long durableOffset() {
        return active.completeOffset();
    }

    /** Records before {@code offset} are indexed already: adds for them are ignored (replay after open). */
    void resumeAt(long offset) {
        resumeOffset = offset;
    }

    /** Adds the entries of the record whose index fields are {@code fields}. Allocates nothing. */
    void add(IndexFields fields, long storeTimeMs, long physicalOffset, int size) {
        if (fields.hasKeys() || fields.hasUniqKey()) {
            add(
                    fields.topicBytes(),
                    fields.topicLength(),
                    fields.propertyBytes(),
                    fields.hasKeys() ? fields.keysStart() : -1,
                    fields.keysEnd(),
                    fields.hasUniqKey() ? fields.uniqKeyStart() : -1,
                    fields.uniqKeyEnd(),
                    storeTimeMs,
                    physicalOffset,
                    size);
        }
    }

    /**
     * Adds one entry per space-separated word of {@code properties[keysStart, keysEnd)} and one for
     * {@code properties[uniqStart, uniqEnd)}; a start of -1 means absent. Allocates nothing.
     */
    void add(
            byte[] topic,
            int topicLength,
            byte[] properties,
            int keysStart,
            int keysEnd,
            int uniqStart,
            int uniqEnd,
            long storeTimeMs,
            long physicalOffset,
            int size) {
        if (physicalOffset < resumeOffset) {
            return;
        }
        long topicState = KeyHash.topic(topic, topicLength);
        if (keysStart >= 0) {
            int start = keysStart;
            while (start < keysEnd) {
                int end = start;
                while (end < keysEnd && properties[end] != ' ') {
                    end++;
                }
                if (end > start) {
                    append(KeyHash.key(topicState, properties, start, end - start), physicalOffset, storeTimeMs, size);
                }
                start = end + 1;
            }
        }
        if (uniqStart >= 0 && uniqEnd > uniqStart) {
            append(
                    KeyHash.key(topicState, properties, uniqStart, uniqEnd - uniqStart),
                    physicalOffset,
                    storeTimeMs,
                    size);
        }
    }

    private void append(long hash, long physicalOffset, long storeTimeMs, int size) {
        if (!active.add(hash, physicalOffset, storeTimeMs, size)) {
            roll(physicalOffset);
            active.add(hash, physicalOffset, storeTimeMs, size);
        }
    }

    /** Seals the full file (durable, complete before the record at {@code recordOffset}), starts the next. */
    private void roll(long recordOffset) {
        active.sync(recordOffset);
        IndexFile next = IndexFile.create(dir, active.sequence() + 1, slotsPerFile, entriesPerFile, recordOffset);
        IndexFile[] grown = Arrays.copyOf(files, files.length + 1);
        grown[files.length] = next;
        files = grown;
        active = next;
        LOG.info("key index: {} is full, continuing in {}", grown[grown.length - 2].file(), next.file());
    }

    /**
     * Makes every entry added so far durable and records that the index is complete up to {@code
     * completeOffset} (every record before it has been added). Call before persisting a checkpoint at
     * that offset.
     */
    void sync(long completeOffset) {
        active.sync(completeOffset);
    }

    /**
     * Deletes the files whose every entry points below {@code logMinOffset}, never the newest one.
     * Returns how many were deleted.
     */
    int deleteBelow(long logMinOffset) {
        IndexFile[] current = files;
        int gone = 0;
        while (gone < current.length - 1 && current[gone].maxPhysicalOffset() < logMinOffset) {
            gone++;
        }
        if (gone == 0) {
            return 0;
        }
        files = Arrays.copyOfRange(current, gone, current.length);
        for (int i = 0; i < gone; i++) {
            current[i].delete();
            LOG.info("key index: deleted {}, all of it below commit-log offset {}", current[i].file(), logMinOffset);
        }
        return gone;
    }

    /**
     * Entries of (topic, key) stored within [beginMs, endMs] that point at or past {@code logMinOffset}
     * and that {@code filter} accepts, oldest first (store time, then offset), at most {@code maxNum};
     * {@code truncated} says one more would have been accepted. An entry indexed twice is returned once.
     */
    public KeyHits query(
            String topic, String key, long beginMs, long endMs, int maxNum, long logMinOffset, HitFilter filter) {
        List<KeyHit> hits = new ArrayList<>();
        if (maxNum <= 0 || key.isEmpty()) {
            return new KeyHits(hits, false);
        }
        long hash = KeyHash.of(topic, key);
        IndexFile[] snapshot = files;
        Set<Long> accepted = new HashSet<>();
        for (int i = 0; i < snapshot.length; i++) {
            // the newest file's ranges move while it is written: walk it regardless
            if (i != snapshot.length - 1 && !snapshot[i].mayHold(beginMs, endMs, logMinOffset)) {
                continue;
            }
            // a file's chain runs newest first: take its oldest candidates a bounded batch at a time
            KeyHit after = null;
            boolean more = true;
            while (more) {
                int limit = maxNum + 1 - hits.size() + BATCH_SLACK;
                PriorityQueue<KeyHit> oldest = new PriorityQueue<>(limit, OLDEST_FIRST.reversed());
                more = snapshot[i].collect(hash, beginMs, endMs, logMinOffset, after, limit, oldest);
                List<KeyHit> batch = new ArrayList<>(oldest);
                batch.sort(OLDEST_FIRST);
                for (KeyHit hit : batch) {
                    after = hit;
                    // re-indexing after a crash may have added a record twice: one result per physical offset
                    if (accepted.contains(hit.physicalOffset()) || !filter.accept(hit)) {
                        continue;
                    }
                    if (hits.size() == maxNum) {
                        return new KeyHits(hits, true);
                    }
                    hits.add(hit);
                    accepted.add(hit.physicalOffset());
                }
            }
        }
        return new KeyHits(hits, false);
    }

    /** {@link #OLDEST_FIRST} between an entry's fields and a hit, without making a hit of the entry. */
    static int compare(long storeTimeMs, long physicalOffset, int size, KeyHit hit) {
        int c = Long.compare(storeTimeMs, hit.storeTimeMs());
        if (c == 0) {
            c = Long.compare(physicalOffset, hit.physicalOffset());
        }
        return c != 0 ? c : Integer.compare(size, hit.size());
    }

    /** The files, oldest first (tests). */
    List<IndexFile> files() {
        return List.of(files);
    }

    /** Entries found by {@link #query}, and whether more matched than were returned. */
    public record KeyHits(List<KeyHit> hits, boolean truncated) {}
}
