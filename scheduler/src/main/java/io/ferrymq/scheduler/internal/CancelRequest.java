package io.ferrymq.scheduler.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A request to cancel the timer of one parked record, passed from the caller to the index agent and,
 * when the timer is already in the wheels, on to the driver. {@link #result} completes with true when
 * this request cancelled it.
 */
public record CancelRequest(long deliverAtMs, long offset, long queueOffset, CompletableFuture<Boolean> result) {
    public CancelRequest(long deliverAtMs, long offset, long queueOffset) {
        this(deliverAtMs, offset, queueOffset, new CompletableFuture<>());
    }
}
