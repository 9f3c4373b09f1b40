package io.ferrymq.dlq.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages sent to each group's dead-letter queue, kept in memory and in the {@link DlqLedger} (loaded
 * at start). Counts are written through on every increment, so they survive a restart.
 *
 * <p>Thread-safe: increments are serialised (each writes its group's new total); reads are lock-free.
 */
public final class DeadLetterCounts {
    private final DlqLedger ledger;
    private final Map<String, Long> counts;

    public DeadLetterCounts(DlqLedger ledger) {
        this.ledger = ledger;
        this.counts = new ConcurrentHashMap<>(ledger.counts());
    }

    /** Adds one to {@code group}'s count and returns the new total. */
    public synchronized long increment(String group) {
        long next = counts.getOrDefault(group, 0L) + 1;
        ledger.putCount(group, next);
        counts.put(group, next);
        return next;
    }

    public long count(String group) {
        return counts.getOrDefault(group, 0L);
    }

    /** A sorted copy of every count. */
    public Map<String, Long> snapshot() {
        return new TreeMap<>(counts);
    }
}
