package io.ferrymq.transaction.internal;

import io.ferrymq.transaction.EndResult;

/**
 * A half whose commit is recorded, on its way to the real topic: waiting to be appended (for room,
 * for the store's dispatcher, or after a refused append), or appended and waiting for completion.
 * Holds the half's entry in memory until it is settled.
 *
 * <p>Owned by the transaction agent's thread; the append's completion only hands it back through a
 * queue.
 */
final class PendingCommit {
    final HalfEntry entry;
    /** The request to answer when it settles (or fails); null once answered, or for a recovered commit. */
    EndRequest request;
    /** Whether an earlier attempt may have landed: the real topic is checked before appending. */
    boolean mayHaveLanded;
    /** Not tried before this time (ms, the coordinator's clock). */
    long notBeforeMs;
    /** With {@link #mayHaveLanded}: the store must have dispatched up to here before the check. */
    long dispatchedNeeded;

    PendingCommit(HalfEntry entry, EndRequest request) {
        this.entry = entry;
        this.request = request;
    }

    void answer(EndResult result) {
        if (request != null) {
            request.complete(result);
            request = null;
        }
    }
}
