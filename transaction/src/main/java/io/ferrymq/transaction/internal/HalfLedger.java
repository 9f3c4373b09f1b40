package io.ferrymq.transaction.internal;

/**
 * The one place that moves a half between states, keeping the index's records ({@code 'h'}, {@code
 * 'd'}, {@code 'k'}, {@code 'c'}, {@code 't'}/{@code 's'}), the counters and the segment pins in step:
 * each transition adds its changes to the index's batch, and {@link #write()} applies them together.
 *
 * <pre>
 *   indexed ──▶ PENDING ──(checks used up)──▶ PARKED
 *                 │  ▲ rescheduled                │
 *                 ├──┴──────── commit decided ────┤──▶ committing ──▶ settled (committed / lost)
 *                 └────────── rollback / lost ────┴─────────────────▶ settled
 * </pre>
 *
 * <p>Owned by the transaction agent's thread (or the closing thread once that has stopped).
 */
public final class HalfLedger {
    private final TransactionIndex index;
    private final TransactionCounters counters;
    private final SegmentPins pins;
    private long dueHintMs = Long.MAX_VALUE;

    public HalfLedger(TransactionIndex index, TransactionCounters counters, SegmentPins pins) {
        this.index = index;
        this.counters = counters;
        this.pins = pins;
    }

    /** A newly indexed half, pending and due at its {@code nextCheckMs}. */
    public void indexed(HalfEntry entry) {
        index.putHalf(entry);
        putDue(entry.nextCheckMs, entry.offset);
        counters.addIndexed();
        pins.pin(entry.offset);
    }

    /** A pending half gets a new check time (and possibly a new check count). */
    public void rescheduled(HalfEntry entry, long oldDueMs) {
        index.deleteDue(oldDueMs, entry.offset);
        putDue(entry.nextCheckMs, entry.offset);
        index.putHalf(entry);
    }

    /** A pending half that used up its checks is parked. */
    public void parked(HalfEntry entry) {
        index.deleteDue(entry.nextCheckMs, entry.offset);
        entry.state = HalfEntry.PARKED;
        index.putHalf(entry);
        index.putMarker(TransactionLayout.PARKED, entry.offset);
        counters.addParked();
    }

    /** The commit of a pending or parked half is recorded: it is no longer checked. */
    public void commitDecided(HalfEntry entry) {
        if (entry.checkable()) {
            index.deleteDue(entry.nextCheckMs, entry.offset);
        }
        entry.committing = true;
        index.putHalf(entry);
        index.putMarker(TransactionLayout.COMMITTING, entry.offset);
    }

    /** The half leaves the unsettled set; its outcome is remembered for late requests. */
    public void settled(HalfEntry entry, byte outcome, long nowMs) {
        index.deleteHalf(entry.offset);
        if (entry.checkable()) {
            index.deleteDue(entry.nextCheckMs, entry.offset);
        }
        if (entry.state == HalfEntry.PARKED) {
            index.deleteMarker(TransactionLayout.PARKED, entry.offset);
        }
        if (entry.committing) {
            index.deleteMarker(TransactionLayout.COMMITTING, entry.offset);
        }
        index.putSettled(entry.offset, outcome, nowMs);
        counters.settled(entry.state, outcome);
        pins.unpin(entry.offset);
    }

    /** Removes a check-time record that no longer matches its half. */
    public void staleDue(long dueMs, long offset) {
        index.deleteDue(dueMs, offset);
    }

    private void putDue(long dueMs, long offset) {
        index.putDue(dueMs, offset);
        if (dueMs < dueHintMs) {
            dueHintMs = dueMs;
        }
    }

    /** The earliest check time written since the last call (MAX_VALUE if none), and resets it. */
    public long takeDueHint() {
        long hint = dueHintMs;
        dueHintMs = Long.MAX_VALUE;
        return hint;
    }

    /** Applies every change made since the last write, with the counters and pins they changed. */
    public void write() {
        counters.writeTo(index);
        pins.writeTo(index);
        index.write();
        counters.publish();
        pins.publish();
    }

    /** Forgets unwritten changes after a failed step. */
    public void abort() {
        index.discardBatch();
        counters.rollback();
        pins.reload(index);
    }

    public TransactionIndex index() {
        return index;
    }

    public TransactionCounters counters() {
        return counters;
    }
}
