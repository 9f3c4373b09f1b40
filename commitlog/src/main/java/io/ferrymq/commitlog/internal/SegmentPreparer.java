package io.ferrymq.commitlog.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the next segment file ahead of need on a background thread, so a roll only renames and
 * maps it. With {@code warmMapedFileEnable} the file is written full of zeros and forced, so a roll
 * picks up a file whose blocks are allocated and whose pages are already in the page cache (appending
 * into a fresh sparse mapping takes a page fault every 4 KiB inside the appender's critical section);
 * the price is writing every segment twice, which on a busy 2-core machine costs about a seventh of
 * the broker's CPU at full throughput. Without it (the default, as RocketMQ's) the file is sparse.
 *
 * <p>A roll never waits for the preparer: if the prepared file is not ready, the roll creates the
 * segment itself (sparse) and the late preparation is cancelled and its file removed. Prepared files
 * carry a {@code .prepared} suffix until adopted, so recovery never mistakes one for a segment.
 *
 * <p>Thread-safe: {@link #prepare} and {@link #take} are called by the appender under its lock (and
 * by the opener before the log is shared); the work runs on the preparer's own thread.
 */
final class SegmentPreparer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentPreparer.class);

    private final SegmentDirectory directory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "commitlog-segment-preparer");
        thread.setDaemon(true);
        return thread;
    });
    private long pendingStart = -1;
    private CompletableFuture<Path> pending;

    SegmentPreparer(SegmentDirectory directory) {
        this.directory = directory;
    }

    /** Starts writing the segment at {@code startOffset}, unless that one is already under way. */
    synchronized void prepare(long startOffset) {
        if (pendingStart == startOffset) {
            return;
        }
        discardPending();
        pendingStart = startOffset;
        pending = CompletableFuture.supplyAsync(() -> write(startOffset), worker);
    }

    /** The prepared segment at {@code startOffset} if it is ready, else null (the caller creates it). */
    synchronized Segment take(long startOffset) throws IOException {
        if (pendingStart != startOffset || pending == null) {
            return null;
        }
        if (!pending.isDone() || pending.isCompletedExceptionally()) {
            discardPending();
            return null;
        }
        Path prepared = pending.join();
        pending = null;
        pendingStart = -1;
        return directory.adoptPrepared(prepared, startOffset);
    }

    /** Waits for the pending preparation (the opener does, for the first segment of a new log). */
    synchronized void awaitPending(long timeoutMs) {
        if (pending == null) {
            return;
        }
        try {
            pending.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("segment at {} not prepared in time: {}", pendingStart, e.toString());
        }
    }

    private Path write(long startOffset) {
        try {
            return directory.writePrepared(startOffset);
        } catch (IOException e) {
            LOG.warn(
                    "could not prepare the segment at offset {}: {} (it will be created when needed)",
                    startOffset,
                    e.toString());
            throw new CompletionException(e);
        }
    }

    private void discardPending() {
        if (pending == null) {
            return;
        }
        CompletableFuture<Path> late = pending;
        long start = pendingStart;
        pending = null;
        pendingStart = -1;
        late.whenComplete((path, failure) -> directory.deletePrepared(start));
        late.cancel(false);
    }

    @Override
    public synchronized void close() {
        discardPending();
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("segment preparer still writing after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        directory.deleteAllPrepared();
    }

    /** For tests: whether a preparation is ready to be taken. */
    synchronized boolean isReady(long startOffset) {
        try {
            return pendingStart == startOffset && pending != null && pending.isDone() && pending.join() != null;
        } catch (CancellationException | CompletionException e) {
            return false;
        }
    }
}
