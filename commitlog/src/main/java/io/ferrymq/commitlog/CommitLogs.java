package io.ferrymq.commitlog;

import io.ferrymq.commitlog.internal.LogOpener;
import java.io.IOException;
import java.time.Clock;

/** Opens commit logs. Stateless; safe from any thread. */
public final class CommitLogs {
    private CommitLogs() {}

    /**
     * Opens (creating if absent) the log in {@code config.directory()}, recovering its tail from the
     * store's checkpoint (a full validation after a crash, see {@link StoreDirectory#crashed()}), and
     * starts its flush and retention threads. Close the log before the store directory.
     *
     * @param clock store times, flush intervals, timeouts and retention run on it
     * @param assigner hands out queue offsets under the appender's lock
     * @param probe disk use, read by the retention thread (not per append)
     * @param store the locked store root, whose checkpoint the log keeps up to date
     */
    public static CommitLog open(
            CommitLogConfig config,
            Clock clock,
            QueueOffsetAssigner assigner,
            DiskUsageProbe probe,
            StoreDirectory store)
            throws IOException {
        return LogOpener.open(config, clock, assigner, probe, store, LogOpener.Options.defaults());
    }
}
