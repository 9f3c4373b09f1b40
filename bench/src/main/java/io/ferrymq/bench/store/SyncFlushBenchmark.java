package io.ferrymq.bench.store;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.commitlog.MessageRecord;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1 KB appends under SYNC_FLUSH, each caller waiting for the force that covers its record, from 1,
 * 16 and 64 concurrent appenders: group commit should make the many-appender figures a large
 * multiple of the single one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SyncFlushBenchmark {

    @State(Scope.Benchmark)
    public static class SyncLog {
        final MessageRecord record = FixedRecord.ofSize(AsyncAppendBenchmark.RECORD_BYTES, "BenchTopic", 0);
        BenchLog log;

        @Setup(Level.Trial)
        public void open() throws IOException {
            log = new BenchLog(FlushDiskType.SYNC_FLUSH);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            log.close();
        }

        AppendResult appendAndWait() {
            AppendResult result = log.log().append(record).join();
            if (result.status() != AppendStatus.OK) {
                throw new IllegalStateException("append under SYNC_FLUSH ended " + result.status());
            }
            return result;
        }
    }

    @Benchmark
    @Threads(1)
    public AppendResult appenders1(SyncLog state) {
        return state.appendAndWait();
    }

    @Benchmark
    @Threads(16)
    public AppendResult appenders16(SyncLog state) {
        return state.appendAndWait();
    }

    @Benchmark
    @Threads(64)
    public AppendResult appenders64(SyncLog state) {
        return state.appendAndWait();
    }
}
