package io.ferrymq.commitlog.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Offsets retention must not delete: each floor says "records at or above this offset are still
 * needed" (delayed messages not yet due, transactions not yet settled). The lowest floor wins; with no
 * floor, or every floor at {@link Long#MAX_VALUE}, nothing is held back. Thread-safe.
 */
public final class RetentionFloors {
    private final CopyOnWriteArrayList<LongSupplier> floors = new CopyOnWriteArrayList<>();

    public void add(LongSupplier floor) {
        floors.add(floor);
    }

    /** The lowest offset any floor needs kept, or {@link Long#MAX_VALUE}. */
    public long lowest() {
        long lowest = Long.MAX_VALUE;
        for (LongSupplier floor : floors) {
            lowest = Math.min(lowest, floor.getAsLong());
        }
        return lowest;
    }
}
