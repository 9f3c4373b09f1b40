package io.ferrymq.scheduler.internal;

/**
 * Layered (hierarchical) time wheels over absolute epoch milliseconds. Level 0 has one slot per
 * millisecond; each level above has slots as wide as the whole level below ({@code slotsPerLevel}
 * times coarser), so with 512 slots level 0 covers 512 ms, level 1 about 4.4 minutes and level 2
 * about 37 hours. An entry sits in the lowest level whose current rotation reaches its time; when
 * time reaches the start of an upper slot, that slot is <em>cascaded</em>: its entries are placed
 * again, now in lower levels. A level-0 slot holds entries of exactly one millisecond.
 *
 * <p>Entries are primitive triples (deliver-at, commit-log offset, size) in per-slot {@link
 * EntryArray}s, created on first use; an occupancy bitmap per level lets {@link #advanceTo} jump
 * over empty slots, so a long pause costs work per occupied slot, not per elapsed millisecond.
 *
 * <p>Guarantees: {@link #advanceTo} hands over exactly the entries due at or before the given time
 * (never one that is due later), in due-time order; entries added already due go out first on the
 * next advance, in the order added. {@link #add} refuses an entry beyond {@link #horizonMs()}.
 *
 * <p>Not thread-safe: owned by the timer-wheel driver thread.
 */
public final class TimerWheel {
    private final int levels;
    private final int slotBits;
    private final int slotCount;
    private final int mask;
    private final EntryArray[][] slots;
    private final long[][] occupied;
    private final EntryArray due = new EntryArray();
    private long currentMs;
    private long size;

    /**
     * @param startMs the wheel's current time: entries at or before it are due at once
     * @param slotsPerLevel a power of two, at least 2
     */
    public TimerWheel(long startMs, int levels, int slotsPerLevel) {
        if (slotsPerLevel < 2 || Integer.bitCount(slotsPerLevel) != 1) {
            throw new IllegalArgumentException("slots per level must be a power of two >= 2, was " + slotsPerLevel);
        }
        int bits = Integer.numberOfTrailingZeros(slotsPerLevel);
        if (levels < 1 || (long) levels * bits > 48) {
            throw new IllegalArgumentException(
                    "a wheel of " + levels + " levels of " + slotsPerLevel + " slots would span more than 2^48 ms");
        }
        this.levels = levels;
        this.slotBits = bits;
        this.slotCount = slotsPerLevel;
        this.mask = slotsPerLevel - 1;
        this.slots = new EntryArray[levels][slotsPerLevel];
        this.occupied = new long[levels][(slotsPerLevel + 63) >>> 6];
        this.currentMs = startMs;
    }

    /** Entries held (including those already due but not yet handed over). */
    public long size() {
        return size;
    }

    /** The time the wheel has advanced to: everything due at or before it has been handed over. */
    public long currentMs() {
        return currentMs;
    }

    /** The latest deliver-at time {@link #add} accepts now. */
    public long horizonMs() {
        int shift = (levels - 1) * slotBits;
        return (((currentMs >> shift) + slotCount) << shift) - 1;
    }

    /** Adds an entry; false (and nothing added) when it lies beyond {@link #horizonMs()}. */
    public boolean add(long deliverAtMs, long offset, int recordSize) {
        if (deliverAtMs <= currentMs) {
            due.add(deliverAtMs, offset, recordSize);
            size++;
            return true;
        }
        for (int level = 0; level < levels; level++) {
            int shift = level * slotBits;
            long bucket = deliverAtMs >> shift;
            if (bucket - (currentMs >> shift) < slotCount) {
                int slot = (int) (bucket & mask);
                EntryArray entries = slots[level][slot];
                if (entries == null) {
                    entries = new EntryArray();
                    slots[level][slot] = entries;
                }
                entries.add(deliverAtMs, offset, recordSize);
                occupied[level][slot >>> 6] |= 1L << slot;
                size++;
                return true;
            }
        }
        return false;
    }

    /** Removes an entry not yet handed over; false if the wheel does not hold it. */
    public boolean remove(long deliverAtMs, long offset) {
        if (due.remove(deliverAtMs, offset)) {
            size--;
            return true;
        }
        for (int level = 0; level < levels; level++) {
            int shift = level * slotBits;
            long bucket = deliverAtMs >> shift;
            long current = currentMs >> shift;
            if (bucket > current && bucket - current < slotCount) {
                int slot = (int) (bucket & mask);
                EntryArray entries = slots[level][slot];
                if (entries != null && entries.remove(deliverAtMs, offset)) {
                    size--;
                    if (entries.isEmpty()) {
                        occupied[level][slot >>> 6] &= ~(1L << slot);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * When the wheel next has work: {@link #currentMs()} if entries are already due, else the time of
     * the earliest occupied level-0 slot or the start of the earliest occupied upper slot (a cascade),
     * whichever is first; {@link Long#MAX_VALUE} when empty. Never later than the next due entry, so
     * a driver may sleep until then.
     */
    public long nextDueMs() {
        return due.isEmpty() ? nextEventMs() : currentMs;
    }

    /**
     * Moves the wheel to {@code nowMs}, handing every entry due at or before it to {@code sink}, in
     * due-time order. A time before {@link #currentMs()} does nothing.
     *
     * @return how many entries were handed over
     */
    public int advanceTo(long nowMs, DueSink sink) {
        int delivered = drainDue(sink);
        for (long event = nextEventMs(); event <= nowMs; event = nextEventMs()) {
            currentMs = event;
            for (int level = levels - 1; level >= 1; level--) {
                int shift = level * slotBits;
                if ((event & ((1L << shift) - 1)) == 0) {
                    cascade(level, (int) ((event >> shift) & mask));
                }
            }
            delivered += fireSlot((int) (event & mask), sink);
            delivered += drainDue(sink);
        }
        if (nowMs > currentMs) {
            currentMs = nowMs;
        }
        return delivered;
    }

    private int drainDue(DueSink sink) {
        int count = due.size();
        if (count > 0) {
            due.forEach(sink);
            due.clear();
            size -= count;
        }
        return count;
    }

    private int fireSlot(int slot, DueSink sink) {
        if (!isOccupied(0, slot)) {
            return 0;
        }
        EntryArray entries = slots[0][slot];
        int count = entries.size();
        entries.forEach(sink);
        entries.clear();
        occupied[0][slot >>> 6] &= ~(1L << slot);
        size -= count;
        return count;
    }

    /** Places the entries of an upper slot whose time has come again, in lower levels (or as due). */
    private void cascade(int level, int slot) {
        if (!isOccupied(level, slot)) {
            return;
        }
        EntryArray entries = slots[level][slot];
        occupied[level][slot >>> 6] &= ~(1L << slot);
        size -= entries.size();
        for (int i = 0; i < entries.size(); i++) {
            add(entries.deliverAtMs(i), entries.offset(i), entries.recordSize(i));
        }
        entries.clear();
    }

    private boolean isOccupied(int level, int slot) {
        return (occupied[level][slot >>> 6] & (1L << slot)) != 0;
    }

    private long nextEventMs() {
        long earliest = Long.MAX_VALUE;
        for (int level = 0; level < levels; level++) {
            int shift = level * slotBits;
            long current = currentMs >> shift;
            int distance = distanceToOccupied(occupied[level], (int) (current & mask));
            if (distance > 0) {
                earliest = Math.min(earliest, (current + distance) << shift);
            }
        }
        return earliest;
    }

    /** How many slots after {@code from} (circularly, 1..slots-1) the first occupied one lies; -1 if none. */
    private int distanceToOccupied(long[] bits, int from) {
        int found = firstSet(bits, from + 1, slotCount);
        if (found >= 0) {
            return found - from;
        }
        found = firstSet(bits, 0, from);
        return found >= 0 ? found + slotCount - from : -1;
    }

    private static int firstSet(long[] bits, int from, int to) {
        int index = from;
        while (index < to) {
            int word = index >>> 6;
            long candidates = bits[word] & (-1L << index);
            if (candidates != 0) {
                int found = (word << 6) + Long.numberOfTrailingZeros(candidates);
                return found < to ? found : -1;
            }
            index = (word + 1) << 6;
        }
        return -1;
    }
}
