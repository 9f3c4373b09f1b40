package io.ferrymq.commitlog;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Child JVM of {@link CommitLogCrashTest}: opens the store under SYNC_FLUSH with 64 KiB segments and
 * appends records of random sizes from several threads until killed. After each append completes OK
 * it writes {@code "physicalOffset size crc\n"} (CRC32 of the stored bytes) to the ack file, one
 * write per line, so a SIGKILL loses at most a line being written.
 *
 * <p>Arguments: store root, ack file, seed, threads.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long seed = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        StoreDirectory store = StoreDirectory.open(root);
        CommitLogConfig config = CommitLogConfig.defaults(store.commitLogDirectory())
                .withSegmentSizeBytes(TestStore.SEGMENT)
                .withFlushDiskType(FlushDiskType.SYNC_FLUSH);
        CommitLog log = CommitLogs.open(config, Clock.systemUTC(), new QueueOffsets(), dir -> 0.10, store);
        try (OutputStream acks = new FileOutputStream(args[1], true)) {
            for (int i = 0; i < threads; i++) {
                Random random = new Random(seed * 31 + i);
                new Thread(
                                () -> appendForever(
                                        log,
                                        acks,
                                        random,
                                        Thread.currentThread().getName()),
                                "writer-" + i)
                        .start();
            }
            System.out.println("writing");
            Thread.currentThread().join(); // until killed
        }
    }

    private static void appendForever(CommitLog log, OutputStream acks, Random random, String name) {
        while (true) {
            MessageRecord record = MessageSource.ofSize(name, random.nextInt(4), 200 + random.nextInt(6000), random);
            AppendResult result = log.append(record).join();
            if (result.status() != AppendStatus.OK) {
                System.out.println("append failed: " + result);
                continue;
            }
            ByteBuffer stored = log.slice(result.physicalOffset(), result.bytes());
            CRC32 crc = new CRC32();
            crc.update(stored);
            byte[] line = (result.physicalOffset() + " " + result.bytes() + " " + crc.getValue() + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            synchronized (acks) {
                try {
                    acks.write(line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
