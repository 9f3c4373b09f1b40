package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.agent.AgentRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The log's background agents and, once started, their runner threads: the flush agent of the
 * configured mode (with its completion and timeout thread under SYNC_FLUSH), retention, and the page
 * toucher (when segments are page-aligned). Tests open the log
 * without runners and step the agents themselves.
 *
 * <p>Thread-safety: start and stop are called once each, by the opener and by close.
 */
public final class LogAgents {
    private final SyncFlushAgent syncFlush;
    private final AsyncFlushAgent asyncFlush;
    private final RetentionAgent retention;
    private final RetiredSegments retired;
    private final SegmentPreparer preparer;
    private final PageToucher toucher;
    private final OffsetListeners appendListeners;
    private final long asyncIdleMs;
    private final List<AgentRunner> runners = new ArrayList<>();

    LogAgents(
            SyncFlushAgent syncFlush,
            AsyncFlushAgent asyncFlush,
            RetentionAgent retention,
            RetiredSegments retired,
            SegmentPreparer preparer,
            PageToucher toucher,
            OffsetListeners appendListeners,
            long asyncIdleMs) {
        this.syncFlush = syncFlush;
        this.asyncFlush = asyncFlush;
        this.retention = retention;
        this.retired = retired;
        this.preparer = preparer;
        this.toucher = toucher;
        this.appendListeners = appendListeners;
        this.asyncIdleMs = asyncIdleMs;
    }

    /** Null under ASYNC_FLUSH. */
    public SyncFlushAgent syncFlush() {
        return syncFlush;
    }

    /** Null under SYNC_FLUSH. */
    public AsyncFlushAgent asyncFlush() {
        return asyncFlush;
    }

    public RetentionAgent retention() {
        return retention;
    }

    public RetiredSegments retired() {
        return retired;
    }

    void start() {
        if (syncFlush != null) {
            AgentRunner flush = new AgentRunner(syncFlush, TimeUnit.MILLISECONDS.toNanos(1)).start();
            AgentRunner completion =
                    new AgentRunner(syncFlush.completionAgent(), TimeUnit.MILLISECONDS.toNanos(5)).start();
            syncFlush.wakeUpWith(flush::wake);
            syncFlush.wakeCompleterWith(completion::wake);
            runners.add(flush);
            runners.add(completion);
        }
        if (asyncFlush != null) {
            runners.add(new AgentRunner(asyncFlush, TimeUnit.MILLISECONDS.toNanos(asyncIdleMs)).start());
        }
        runners.add(new AgentRunner(retention, TimeUnit.SECONDS.toNanos(1)).start());
        if (toucher != null) {
            AgentRunner touch = AgentRunner.coalescing(
                            toucher,
                            TimeUnit.MILLISECONDS.toNanos(1),
                            TimeUnit.MILLISECONDS.toNanos(50),
                            TimeUnit.SECONDS.toNanos(1))
                    .start();
            appendListeners.add(written -> touch.wake());
            runners.add(touch);
        }
    }

    void stop() {
        runners.forEach(AgentRunner::close);
        runners.clear();
        preparer.close();
    }

    /** After the final force on close: no SYNC_FLUSH append is left waiting. */
    void completeWaiters(long flushedOffset) {
        if (syncFlush != null) {
            syncFlush.completeFlushed(flushedOffset);
        }
    }
}
