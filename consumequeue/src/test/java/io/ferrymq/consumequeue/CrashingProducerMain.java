package io.ferrymq.consumequeue;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.FlushDiskType;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * Child JVM for {@link StoreCrashTest}: opens the store under SYNC_FLUSH and puts messages from four
 * threads until it is killed, appending one line per acknowledged message to a side file:
 * {@code topic queueId queueOffset physicalOffset bodyHash uniqKey key}.
 */
public final class CrashingProducerMain {
    static final String[] TOPICS = {"CrashA", "CrashB", "CrashC"};
    static final int QUEUES = 3;

    private CrashingProducerMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path acks = Path.of(args[1]);
        int round = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        StoreConfig config = StoreFixture.config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH);
        MessageStore store = MessageStore.open(config, Clock.systemUTC(), dir -> 0.1);
        try (OutputStream out = new FileOutputStream(acks.toFile(), true)) {
            System.out.println("ready");
            System.out.flush();
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                int thread = t;
                threads[t] = new Thread(() -> produce(store, out, round, thread, new Random(seed + thread)));
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static void produce(MessageStore store, OutputStream out, int round, int thread, Random random) {
        for (int seq = 0; ; seq++) {
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            int queueId = random.nextInt(QUEUES);
            String uniq = "R" + round + "T" + thread + "S" + seq;
            String key = "key-" + uniq;
            String body = uniq + "-" + "x".repeat(random.nextInt(400));
            AppendResult result = store.put(TestRecord.of(topic, queueId, body, key, uniq, "T" + queueId))
                    .join();
            if (result.status() != AppendStatus.OK) {
                continue;
            }
            String line = topic + " " + queueId + " " + result.queueOffset() + " " + result.physicalOffset() + " "
                    + body.hashCode() + " " + uniq + " " + key + "\n";
            try {
                synchronized (out) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
