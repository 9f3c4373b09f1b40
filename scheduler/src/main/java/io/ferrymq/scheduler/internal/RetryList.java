package io.ferrymq.scheduler.internal;

/**
 * Due timers whose append the store refused, each with the time it may be tried again. Small and
 * rare (a full disk), so a plain list scanned in full.
 *
 * <p>Not thread-safe: owned by the driver thread.
 */
final class RetryList {
    private final EntryArray entries = new EntryArray();
    private long[] retryAtMs = new long[16];

    void add(long deliverAtMs, long offset, int size, long retryAt) {
        int index = entries.size();
        entries.add(deliverAtMs, offset, size);
        if (index == retryAtMs.length) {
            long[] grown = new long[retryAtMs.length * 2];
            System.arraycopy(retryAtMs, 0, grown, 0, index);
            retryAtMs = grown;
        }
        retryAtMs[index] = retryAt;
    }

    /** Moves the entries whose retry time has come to {@code due}, oldest deliver-at first; returns how many. */
    int takeDue(long nowMs, EntryQueue due) {
        int taken = 0;
        for (int i = 0; i < entries.size(); ) {
            if (retryAtMs[i] <= nowMs) {
                due.add(entries.deliverAtMs(i), entries.offset(i), entries.recordSize(i));
                removeAt(i);
                taken++;
            } else {
                i++;
            }
        }
        return taken;
    }

    boolean remove(long deliverAtMs, long offset) {
        int index = entries.indexOf(deliverAtMs, offset);
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    private void removeAt(int index) {
        System.arraycopy(retryAtMs, index + 1, retryAtMs, index, entries.size() - index - 1);
        entries.removeAt(index);
    }

    long nextDueMs() {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            next = Math.min(next, retryAtMs[i]);
        }
        return next;
    }
}
