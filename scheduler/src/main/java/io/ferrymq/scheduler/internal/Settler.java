package io.ferrymq.scheduler.internal;

import org.rocksdb.WriteBatch;

/**
 * Applies settled timers reported through the settle buffer: deletes their index entries, updates
 * the counters and segment pins in the same batch, and feeds the lateness histogram and fired rate.
 *
 * <p>Runs on the index agent's thread only.
 */
final class Settler implements EntryBuffer.Consumer {
    private static final int MAX_BATCH = 8192;

    private final TimerIndex index;
    private final WriteBatch batch;
    private final TimerCounters counters;
    private final SegmentPins pins;
    private final EntryBuffer settles;
    private final LatenessHistogram lateness;
    private final FiredRate rate;
    private int inBatch;

    Settler(
            TimerIndex index,
            WriteBatch batch,
            TimerCounters counters,
            SegmentPins pins,
            EntryBuffer settles,
            LatenessHistogram lateness,
            FiredRate rate) {
        this.index = index;
        this.batch = batch;
        this.counters = counters;
        this.pins = pins;
        this.settles = settles;
        this.lateness = lateness;
        this.rate = rate;
    }

    /** Applies every settle reported so far; returns 1 if there was any. */
    int step() {
        int settled = settles.drain(this);
        if (inBatch > 0) {
            flush();
        }
        return settled > 0 ? 1 : 0;
    }

    @Override
    public void accept(long deliverAtMs, long offset, long kind, long atMs) {
        index.delete(batch, deliverAtMs, offset);
        counters.settled((int) kind);
        pins.unpin(offset);
        if (Settle.isFired((int) kind)) {
            lateness.record(atMs - deliverAtMs);
            rate.record(atMs);
        }
        if (++inBatch == MAX_BATCH) {
            flush();
        }
    }

    private void flush() {
        counters.writeTo(index, batch);
        pins.writeTo(index, batch);
        index.write(batch);
        counters.publish();
        pins.publish();
        inBatch = 0;
    }
}
