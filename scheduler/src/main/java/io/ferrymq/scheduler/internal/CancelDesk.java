package io.ferrymq.scheduler.internal;

import java.util.Queue;
import java.util.Set;
import org.rocksdb.WriteBatch;

/**
 * Decides cancellations on the index agent's thread, where the index, the indexing progress and the
 * load window cannot move underneath it. A record not indexed yet gets a durable marker that the
 * indexer honours; an indexed timer above the window boundary is deleted from the index here; one
 * below it is in the driver's hands, so the request goes on to the driver, which removes it from the
 * wheels unless it is already firing and sends it back here to be deleted. A cancellation is
 * answered true only once written and RocksDB's log synced.
 *
 * <p>Runs on the index agent's thread only.
 */
final class CancelDesk {
    private final Queue<CancelRequest> requests;
    private final Queue<CancelRequest> driverRequests;
    private final Queue<CancelRequest> removedByDriver;
    private final Runnable wakeDriver;
    private final QueueIndexer indexer;
    private final TimerIndex index;
    private final WriteBatch batch;
    private final TimerCounters counters;
    private final SegmentPins pins;
    private final LoadWindow window;
    private final Set<Long> cancelMarkers;

    CancelDesk(
            Queue<CancelRequest> requests,
            Queue<CancelRequest> driverRequests,
            Queue<CancelRequest> removedByDriver,
            Runnable wakeDriver,
            QueueIndexer indexer,
            TimerIndex index,
            WriteBatch batch,
            TimerCounters counters,
            SegmentPins pins,
            LoadWindow window,
            Set<Long> cancelMarkers) {
        this.requests = requests;
        this.driverRequests = driverRequests;
        this.removedByDriver = removedByDriver;
        this.wakeDriver = wakeDriver;
        this.indexer = indexer;
        this.index = index;
        this.batch = batch;
        this.counters = counters;
        this.pins = pins;
        this.window = window;
        this.cancelMarkers = cancelMarkers;
    }

    int step() {
        int handled = 0;
        for (CancelRequest request = requests.poll(); request != null; request = requests.poll()) {
            handle(request);
            handled++;
        }
        for (CancelRequest request = removedByDriver.poll(); request != null; request = removedByDriver.poll()) {
            delete(request);
            handled++;
        }
        return handled > 0 ? 1 : 0;
    }

    private void handle(CancelRequest request) {
        long deliverAt = request.deliverAtMs();
        long offset = request.offset();
        if (request.queueOffset() >= indexer.progress()) {
            request.result().complete(markBeforeIndexing(offset));
        } else if (!index.contains(deliverAt, offset)) {
            request.result().complete(false);
        } else if (!window.covers(deliverAt, offset)) {
            delete(request);
        } else {
            driverRequests.add(request);
            wakeDriver.run();
        }
    }

    /** Deletes a cancelled timer's entry and syncs RocksDB's log before answering true. */
    private void delete(CancelRequest request) {
        index.delete(batch, request.deliverAtMs(), request.offset());
        counters.settled(Settle.CANCELLED);
        pins.unpin(request.offset());
        counters.writeTo(index, batch);
        pins.writeTo(index, batch);
        index.write(batch);
        index.sync();
        counters.publish();
        pins.publish();
        request.result().complete(true);
    }

    private boolean markBeforeIndexing(long offset) {
        if (!cancelMarkers.add(offset)) {
            return false;
        }
        index.putLong(batch, TimerIndexLayout.metaKey(TimerIndexLayout.CANCEL_TAG, offset), 0);
        index.write(batch);
        index.sync();
        return true;
    }
}
