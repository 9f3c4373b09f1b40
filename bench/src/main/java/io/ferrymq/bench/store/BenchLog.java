package io.ferrymq.bench.store;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.commitlog.CommitLogConfig;
import io.ferrymq.commitlog.CommitLogs;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.commitlog.QueueOffsetAssigner;
import io.ferrymq.commitlog.StoreDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** A CommitLog in a scratch directory with one queue's offsets counted in place. */
final class BenchLog implements AutoCloseable {
    private final Path directory;
    private final StoreDirectory store;
    private final CommitLog log;

    BenchLog(FlushDiskType flushDiskType) throws IOException {
        directory = ScratchDirectory.create("ferrymq-bench-log");
        store = StoreDirectory.open(directory);
        CommitLogConfig config =
                CommitLogConfig.defaults(store.commitLogDirectory()).withFlushDiskType(flushDiskType);
        log = CommitLogs.open(config, Clock.systemUTC(), new SingleQueueOffsets(), neverFull(), store);
    }

    CommitLog log() {
        return log;
    }

    @Override
    public void close() throws IOException {
        log.close();
        store.close();
        ScratchDirectory.delete(directory);
    }

    /** Offsets of the one queue the benchmarks write; the appender's lock serialises the calls. */
    private static final class SingleQueueOffsets implements QueueOffsetAssigner {
        private long next;

        @Override
        public long assign(String topic, int queueId, int count) {
            long first = next;
            next += count;
            return first;
        }

        @Override
        public void rollback(String topic, int queueId, int count) {
            next -= count;
        }
    }

    static DiskUsageProbe neverFull() {
        return dir -> 0.0;
    }
}
