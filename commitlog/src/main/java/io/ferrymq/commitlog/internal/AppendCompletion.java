package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendResult;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a written append into the future its caller gets: completed at once (ASYNC_FLUSH) or when a
 * force covers {@code endOffset} (SYNC_FLUSH). Called by the appender with its lock held, in log
 * order; must not block.
 */
@FunctionalInterface
public interface AppendCompletion {
    CompletableFuture<AppendResult> complete(AppendResult result, long endOffset);

    /** ASYNC_FLUSH: durable as promised once the bytes are in the mapped file. */
    static AppendCompletion immediate() {
        return (result, endOffset) -> CompletableFuture.completedFuture(result);
    }
}
