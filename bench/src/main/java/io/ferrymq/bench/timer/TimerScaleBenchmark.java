package io.ferrymq.bench.timer;

import io.ferrymq.bench.store.ScratchDirectory;
import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.UniqueKeyGenerator;
import io.ferrymq.scheduler.DelayedDelivery;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.scheduler.TimerRecords;
import io.ferrymq.scheduler.TimerStats;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongUnaryOperator;

/**
 * FerryMQ's scheduler at scale, in this JVM over a real store (commit log, consume queues, RocksDB) in
 * a scratch directory, as the broker runs it: delayed messages are parked under the timer topic the
 * way the broker's send path parks them, and the scheduler indexes and fires them.
 *
 * <ol>
 *   <li>schedule: {@code --schedule} timers (default 1,000,000) parked due a day ahead; timers indexed
 *       per second, from the first append until every one is pending in the durable index.
 *   <li>same second: {@code --same-second} timers (default 500,000) all due at one instant 25 s ahead;
 *       the time from that instant until the last is delivered to its real topic, and the lateness.
 *   <li>pending: {@code --pending} timers (default 10,000,000) spread over the next 30 days; the heap in
 *       use once they are all indexed (after a full GC), against this JVM's maximum heap.
 * </ol>
 *
 * Run with the broker's heap limit: {@code bin/benchmark timers} uses {@code -Xms512m -Xmx512m}.
 */
public final class TimerScaleBenchmark {
    private static final String TOPIC = "BenchTimers";
    private static final int MAX_IN_FLIGHT_APPENDS = 20_000;

    private TimerScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long schedule = Long.parseLong(options.getOrDefault("schedule", "1000000"));
        long sameSecond = Long.parseLong(options.getOrDefault("same-second", "500000"));
        long pending = Long.parseLong(options.getOrDefault("pending", "10000000"));
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(
                Locale.ROOT,
                "timers: schedule=%d same-second=%d pending=%d, max heap %d MiB, %d cores, 64-byte bodies%n",
                schedule,
                sameSecond,
                pending,
                maxHeap >> 20,
                Runtime.getRuntime().availableProcessors());
        if (schedule > 0) {
            scheduleRate(schedule);
        }
        if (sameSecond > 0) {
            sameSecond(sameSecond);
        }
        if (pending > 0) {
            pendingHeap(pending, maxHeap);
        }
    }

    private static void scheduleRate(long count) throws Exception {
        Path root = ScratchDirectory.create("ferrymq-bench-timers");
        try (MessageStore store = open(root);
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), Clock.systemUTC())) {
            long due = System.currentTimeMillis() + 86_400_000L;
            long start = System.nanoTime();
            park(store, count, i -> due);
            double appendSeconds = seconds(start);
            awaitPending(timers, count, 600);
            double seconds = seconds(start);
            System.out.printf(
                    Locale.ROOT,
                    "schedule: %d timers parked in %.1f s and indexed in %.1f s: %.0f timers/s scheduled%n",
                    count,
                    appendSeconds,
                    seconds,
                    count / seconds);
        } finally {
            ScratchDirectory.delete(root);
        }
    }

    private static void sameSecond(long count) throws Exception {
        Path root = ScratchDirectory.create("ferrymq-bench-timers");
        try (MessageStore store = open(root);
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), Clock.systemUTC())) {
            long due = System.currentTimeMillis() + 25_000;
            park(store, count, i -> due);
            awaitPending(timers, count, 60);
            long indexedAt = System.currentTimeMillis();
            if (indexedAt >= due) {
                System.out.println("same second: indexing took past the due time; the figure below includes it");
            }
            long firedBefore = timers.stats().firedTotal();
            while (timers.stats().firedTotal() - firedBefore < count) {
                if (System.currentTimeMillis() > due + 120_000) {
                    throw new IllegalStateException("not all delivered within 120 s of their due time");
                }
                Thread.sleep(5);
            }
            long lastMs = System.currentTimeMillis() - due;
            TimerStats stats = timers.stats();
            System.out.printf(
                    Locale.ROOT,
                    "same second: %d timers due at one instant, all delivered %.2f s after it (lateness p50 %d ms,"
                            + " p99 %d ms, max %d ms); first due-time indexing finished %.1f s early%n",
                    count,
                    lastMs / 1000.0,
                    stats.lateness().p50Ms(),
                    stats.lateness().p99Ms(),
                    stats.lateness().maxMs(),
                    (due - indexedAt) / 1000.0);
        } finally {
            ScratchDirectory.delete(root);
        }
    }

    private static void pendingHeap(long count, long maxHeap) throws Exception {
        Path root = ScratchDirectory.create("ferrymq-bench-timers");
        try (MessageStore store = open(root);
                DelayedDelivery timers = DelayedDelivery.start(store, TimerConfig.defaults(), Clock.systemUTC())) {
            long now = System.currentTimeMillis();
            long spread = 30L * 86_400_000L;
            long start = System.nanoTime();
            park(store, count, i -> now + 60_000 + (i * 7_919L) % spread);
            awaitPending(timers, count, 1800);
            double seconds = seconds(start);
            long used = usedHeapAfterGc();
            TimerStats stats = timers.stats();
            System.out.printf(
                    Locale.ROOT,
                    "pending: %d timers pending (indexed in %.0f s, %.0f/s), %d in the wheels; heap in use after a"
                            + " full GC %d MiB of %d MiB max%n",
                    stats.pending(),
                    seconds,
                    count / seconds,
                    stats.wheelEntries(),
                    used >> 20,
                    maxHeap >> 20);
        } finally {
            ScratchDirectory.delete(root);
        }
    }

    /** Appends {@code count} parked timers, due at {@code dueOf(i)}, keeping appends in flight bounded. */
    private static void park(MessageStore store, long count, LongUnaryOperator dueOf) throws Exception {
        InetSocketAddress host = new InetSocketAddress(InetAddress.getLoopbackAddress(), 10911);
        UniqueKeyGenerator keys = UniqueKeyGenerator.forProcess(InetAddress.getLoopbackAddress(), Clock.systemUTC());
        byte[] body = new byte[64];
        CompletableFuture<?>[] window = new CompletableFuture<?>[MAX_IN_FLIGHT_APPENDS];
        for (long i = 0; i < count; i++) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("UNIQ_KEY", keys.next());
            properties.put("WAIT", "true");
            EncodableMessage message = EncodableMessage.builder()
                    .topic(TOPIC)
                    .queueId((int) (i & 7))
                    .bornTimestamp(System.currentTimeMillis())
                    .bornHost(host)
                    .storeHost(host)
                    .body(body)
                    .properties(MessageProperties.encode(properties))
                    .build();
            int slot = (int) (i % MAX_IN_FLIGHT_APPENDS);
            if (window[slot] != null) {
                AppendResult result = (AppendResult) window[slot].join();
                if (!result.written()) {
                    throw new IllegalStateException("append refused: " + result);
                }
            }
            window[slot] = store.put(new MessageRecord(TimerRecords.schedule(message, dueOf.applyAsLong(i))));
        }
        for (CompletableFuture<?> append : window) {
            if (append != null) {
                append.join();
            }
        }
    }

    private static void awaitPending(DelayedDelivery timers, long count, int timeoutSeconds) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (timers.stats().pending() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        "only " + timers.stats().pending() + " of " + count + " indexed in " + timeoutSeconds + " s");
            }
            Thread.sleep(20);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static MessageStore open(Path root) throws java.io.IOException {
        return MessageStore.open(StoreConfig.defaults(root), Clock.systemUTC(), dir -> 0.0);
    }

    private static double seconds(long startNs) {
        return (System.nanoTime() - startNs) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(
                        "usage: timers [--schedule N] [--same-second N] [--pending N] (0 skips a phase)");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
