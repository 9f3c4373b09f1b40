package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes that really crash: a child JVM appends under SYNC_FLUSH from several threads and logs every
 * acknowledged record; it is killed with SIGKILL after a random number of acks; the log is reopened
 * and every acknowledged record must read back byte for byte. Then more is appended in this JVM and
 * the log reopened again. Several rounds on the same store. Replay with {@code -Dcrash.seed=<seed>}.
 */
class CommitLogCrashTest {
    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    private record Ack(long offset, int size, long crc) {}

    @Test
    void everyAcknowledgedRecordSurvivesSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CommitLogCrashTest seed: " + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = dir.resolve("store");
        List<Ack> acked = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int target = 100 + random.nextInt(1500);
            acked.addAll(crashAfter(root, round, target, random.nextLong()));
            long end =
                    acked.stream().mapToLong(a -> a.offset() + a.size()).max().orElse(0);
            acked.addAll(reopenVerifyAndAppend(root, acked, end, random));
            verifyCleanReopen(root, acked);
        }
    }

    private List<Ack> crashAfter(Path root, int round, int target, long childSeed) throws Exception {
        Path ackFile = dir.resolve("acks-" + round + ".txt");
        Path output = dir.resolve("child-" + round + ".out");
        Files.createFile(ackFile);
        Process child = ChildJvm.start(
                CrashWriterMain.class, output, root.toString(), ackFile.toString(), Long.toString(childSeed), "6");
        try {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(5))
                    .failFast("child died: " + output, () -> !child.isAlive())
                    .until(() -> lines(ackFile) >= target);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        List<Ack> acks = readAcks(ackFile);
        System.out.printf("round %d: killed after %d acks (target %d)%n", round, acks.size(), target);
        assertThat(acks.size()).isGreaterThanOrEqualTo(target);
        return acks;
    }

    private List<Ack> reopenVerifyAndAppend(Path root, List<Ack> acked, long ackedEnd, Random random)
            throws IOException {
        List<Ack> more = new ArrayList<>();
        try (StoreDirectory store = StoreDirectory.open(root)) {
            assertThat(store.crashed()).isTrue();
            try (CommitLog log = open(store)) {
                assertThat(log.writtenOffset()).isGreaterThanOrEqualTo(ackedEnd);
                verify(log, acked);
                for (int i = 0; i < 50; i++) {
                    MessageRecord record = MessageSource.ofSize("after", 0, 200 + random.nextInt(6000), random);
                    AppendResult r = log.append(record).join();
                    assertThat(r.status()).isEqualTo(AppendStatus.OK);
                    more.add(new Ack(r.physicalOffset(), r.bytes(), crc(log.slice(r.physicalOffset(), r.bytes()))));
                }
            }
        }
        return more;
    }

    private void verifyCleanReopen(Path root, List<Ack> acked) throws IOException {
        try (StoreDirectory store = StoreDirectory.open(root)) {
            assertThat(store.crashed()).isFalse();
            try (CommitLog log = open(store)) {
                verify(log, acked);
            }
        }
    }

    private static CommitLog open(StoreDirectory store) throws IOException {
        CommitLogConfig config = CommitLogConfig.defaults(store.commitLogDirectory())
                .withSegmentSizeBytes(TestStore.SEGMENT)
                .withFlushDiskType(FlushDiskType.SYNC_FLUSH);
        return CommitLogs.open(config, Clock.systemUTC(), new QueueOffsets(), d -> 0.10, store);
    }

    private static void verify(CommitLog log, List<Ack> acked) {
        for (Ack ack : acked) {
            ByteBuffer bytes = log.slice(ack.offset(), ack.size());
            assertThat(bytes).as("acked record at %d", ack.offset()).isNotNull();
            assertThat(crc(bytes)).as("CRC of acked record at %d", ack.offset()).isEqualTo(ack.crc());
        }
    }

    private static long crc(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        return crc.getValue();
    }

    private static long lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Complete lines only: a SIGKILL may cut the last one. */
    private static List<Ack> readAcks(Path file) throws IOException {
        String text = Files.readString(file);
        List<Ack> acks = new ArrayList<>();
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            String[] parts = text.substring(start, newline).split(" ");
            acks.add(new Ack(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
            start = newline + 1;
        }
        return acks;
    }
}
