package io.ferrymq.bench.store;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.commitlog.MessageRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * 1 KB records appended under ASYNC_FLUSH from 1 and 4 threads, beside a baseline that writes the
 * same bytes with a plain {@link FileChannel} (no force either). Throughput in records/s: at 1 KB a
 * record, records/s × 1024 = bytes/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AsyncAppendBenchmark {
    static final int RECORD_BYTES = 1024;

    @State(Scope.Benchmark)
    public static class CommitLogState {
        final MessageRecord record = FixedRecord.ofSize(RECORD_BYTES, "BenchTopic", 0);
        BenchLog log;

        @Setup(Level.Trial)
        public void open() throws IOException {
            log = new BenchLog(FlushDiskType.ASYNC_FLUSH);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            log.close();
        }
    }

    @State(Scope.Benchmark)
    public static class FileChannelState {
        Path directory;
        FileChannel channel;

        @Setup(Level.Trial)
        public void open() throws IOException {
            directory = ScratchDirectory.create("ferrymq-bench-channel");
            channel = FileChannel.open(
                    directory.resolve("baseline"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
            ScratchDirectory.delete(directory);
        }
    }

    @State(Scope.Thread)
    public static class ThreadBuffer {
        final ByteBuffer bytes = FixedRecord.bytes(FixedRecord.ofSize(RECORD_BYTES, "BenchTopic", 0));
    }

    @Benchmark
    @Threads(1)
    public AppendResult commitLog1Thread(CommitLogState state) {
        return state.log.log().append(state.record).join();
    }

    @Benchmark
    @Threads(4)
    public AppendResult commitLog4Threads(CommitLogState state) {
        return state.log.log().append(state.record).join();
    }

    @Benchmark
    @Threads(1)
    public int fileChannel1Thread(FileChannelState state, ThreadBuffer buffer) throws IOException {
        return write(state.channel, buffer.bytes);
    }

    @Benchmark
    @Threads(4)
    public int fileChannel4Threads(FileChannelState state, ThreadBuffer buffer) throws IOException {
        return write(state.channel, buffer.bytes);
    }

    private static int write(FileChannel channel, ByteBuffer bytes) throws IOException {
        bytes.clear();
        int written = 0;
        while (bytes.hasRemaining()) {
            written += channel.write(bytes);
        }
        return written;
    }
}
