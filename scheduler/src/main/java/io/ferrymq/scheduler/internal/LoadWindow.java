package io.ferrymq.scheduler.internal;

import java.util.function.LongSupplier;

/**
 * Which index entries the driver holds: every entry whose key (deliver-at, offset) lies below the
 * boundary has been handed over, through the {@link Handoff}; none above it has. The boundary moves
 * up as the loader reads ahead, and back down to just past the highest entry handed over when the
 * wheels hold {@code maxEntries}, so newly indexed timers above it stay on disk.
 *
 * <p>Owned by the index agent's thread; {@link #held()} and {@link #boundaryMs()} are readable from any thread.
 */
public final class LoadWindow {
    private final Handoff handoff;
    private final LongSupplier released;
    private final int maxEntries;
    private volatile long boundaryMs;
    private long boundaryOffset;
    private long maxHandedMs = -1;
    private long maxHandedOffset = -1;
    private volatile long handed;

    /** @param released how many handed-over entries have left the driver's wheels (driver-owned count) */
    public LoadWindow(Handoff handoff, LongSupplier released, int maxEntries) {
        this.handoff = handoff;
        this.released = released;
        this.maxEntries = maxEntries;
    }

    public boolean covers(long deliverAtMs, long offset) {
        return compare(deliverAtMs, offset, boundaryMs, boundaryOffset) < 0;
    }

    /** Hands an entry below the boundary to the driver; the caller made sure there is room. */
    public void handOver(long deliverAtMs, long offset, int size) {
        if (!handoff.offer(deliverAtMs, offset, size)) {
            throw new IllegalStateException("timer handoff full: the caller must check its room first");
        }
        handed++;
        if (compare(deliverAtMs, offset, maxHandedMs, maxHandedOffset) > 0) {
            maxHandedMs = deliverAtMs;
            maxHandedOffset = offset;
        }
    }

    /** Entries handed over since start. */
    public long handedCount() {
        return handed;
    }

    /** Entries handed over and still in the driver's wheels (or on their way there). */
    public long held() {
        return handed - released.getAsLong();
    }

    /** How many more entries the loader may hand over now: below both the cap and the handoff's room. */
    public int room() {
        return (int) Math.max(0, Math.min(maxEntries - held(), handoff.free()));
    }

    /** Room in the handoff, whatever the cap: for newly indexed entries below the boundary. */
    public int handoffRoom() {
        return handoff.free();
    }

    /** When the wheels are full, moves the boundary down to just past the highest entry handed over. */
    public boolean retractIfFull() {
        if (held() < maxEntries) {
            return false;
        }
        long nextOffset = maxHandedOffset + 1;
        if (compare(maxHandedMs, nextOffset, boundaryMs, boundaryOffset) < 0) {
            boundaryMs = maxHandedMs;
            boundaryOffset = nextOffset;
        }
        return true;
    }

    /** Moves the boundary up to (deliverAtMs, offset): the caller handed over everything below it. */
    public void extendTo(long deliverAtMs, long offset) {
        if (compare(deliverAtMs, offset, boundaryMs, boundaryOffset) > 0) {
            boundaryMs = deliverAtMs;
            boundaryOffset = offset;
        }
    }

    public long boundaryMs() {
        return boundaryMs;
    }

    public long boundaryOffset() {
        return boundaryOffset;
    }

    private static int compare(long ms, long offset, long otherMs, long otherOffset) {
        int byTime = Long.compare(ms, otherMs);
        return byTime != 0 ? byTime : Long.compare(offset, otherOffset);
    }
}
