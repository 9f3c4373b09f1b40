package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendResult;
import java.util.concurrent.CompletableFuture;

/**
 * A SYNC_FLUSH append waiting for the force that covers it. It is the caller's future itself, so a
 * waiting append costs one object, not a future plus a request.
 *
 * <p>Fields are final; completion is the future's own thread-safe business.
 */
final class PendingAppend extends CompletableFuture<AppendResult> {
    final AppendResult result;
    final long endOffset;
    final long deadlineMs;

    PendingAppend(AppendResult result, long endOffset, long deadlineMs) {
        this.result = result;
        this.endOffset = endOffset;
        this.deadlineMs = deadlineMs;
    }

    void completeFlushed() {
        complete(result);
    }

    void completeTimedOut() {
        complete(result.flushTimedOut());
    }
}
