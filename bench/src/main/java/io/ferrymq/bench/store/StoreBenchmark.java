package io.ferrymq.bench.store;

import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.consumequeue.MessageStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Store figures beyond appends, each the median of several runs: the dispatch rate (a full rebuild
 * of queues and key index from the log), the read-back rate (every message pulled back by queue
 * offset, 32 at a time, its bytes copied out), and the time to reopen a store of {@code --messages} 1 KB records after a real SIGKILL,
 * with its checkpoint and without one (the worst case: every record validated and re-dispatched).
 */
public final class StoreBenchmark {
    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long messages = Long.parseLong(options.getOrDefault("messages", "1048576"));
        int queues = Integer.parseInt(options.getOrDefault("queues", "8"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        System.out.printf(
                "store: runs=%d messages=%d (1 KB each, %d MiB) queues=%d, ASYNC_FLUSH, 1 GiB segments%n",
                runs, messages, messages * 1024 >> 20, queues);
        Map<String, List<Double>> figures = new HashMap<>();
        for (int run = 1; run <= runs; run++) {
            Map<String, Double> result = new HashMap<>();
            dispatchAndRead(messages, queues, result);
            reopenAfterKill(messages, queues, result);
            result.forEach(
                    (k, v) -> figures.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            System.out.printf(
                    Locale.ROOT,
                    "run %d: dispatch %.0f msg/s, read-back %.0f msg/s, reopen after SIGKILL %.2f s"
                            + " (no checkpoint %.2f s)%n",
                    run,
                    result.get("dispatch"),
                    result.get("read"),
                    result.get("reopen"),
                    result.get("reopenNoCheckpoint"));
        }
        System.out.printf(
                Locale.ROOT,
                "median: dispatch %.0f msg/s, read-back %.0f msg/s (%.0f MiB/s), reopen after SIGKILL %.2f s,"
                        + " without checkpoint %.2f s%n",
                median(figures.get("dispatch")),
                median(figures.get("read")),
                median(figures.get("read")) * 1024 / (1 << 20),
                median(figures.get("reopen")),
                median(figures.get("reopenNoCheckpoint")));
    }

    /** Fills, drops the indexes, times the rebuild (pure dispatch), then times reading all back. */
    private static void dispatchAndRead(long messages, int queues, Map<String, Double> result) throws Exception {
        Path root = ScratchDirectory.create("ferrymq-bench-store");
        try {
            try (MessageStore store = StoreFiller.open(root)) {
                StoreFiller.fill(store, messages, queues);
            }
            ScratchDirectory.delete(root.resolve("rocksdb"));
            ScratchDirectory.delete(root.resolve("consumequeue"));
            ScratchDirectory.delete(root.resolve("index"));
            long start = System.nanoTime();
            try (MessageStore store = StoreFiller.open(root)) {
                result.put("dispatch", messages / seconds(start));
                long readStart = System.nanoTime();
                long read = readAll(store, queues);
                result.put("read", read / seconds(readStart));
                if (read != messages) {
                    throw new IllegalStateException("read back " + read + " of " + messages);
                }
            }
        } finally {
            ScratchDirectory.delete(root);
        }
    }

    /** Pulls every message back, copying its bytes out as a socket write would. */
    private static long readAll(MessageStore store, int queues) {
        ByteBuffer sink = ByteBuffer.allocateDirect(512 * 1024);
        long count = 0;
        for (int queue = 0; queue < queues; queue++) {
            long offset = store.minOffset(MessageStream.TOPIC, queue);
            long max = store.maxOffset(MessageStream.TOPIC, queue);
            while (offset < max) {
                GetResult result = store.get(MessageStream.TOPIC, queue, offset, 32, 256 * 1024, MessageFilter.all());
                sink.clear();
                for (ByteBuffer message : result.messages()) {
                    sink.put(message.duplicate());
                }
                count += result.messageCount();
                offset = result.nextBeginOffset();
            }
        }
        return count;
    }

    /** A child JVM fills a store and is SIGKILLed; times reopening it, and a copy without checkpoint. */
    private static void reopenAfterKill(long messages, int queues, Map<String, Double> result) throws Exception {
        Path root = ScratchDirectory.create("ferrymq-bench-crash");
        Path copy = ScratchDirectory.create("ferrymq-bench-crash-copy");
        try {
            fillInChildAndKill(root, messages, queues);
            copyTree(root, copy);
            Files.delete(copy.resolve("checkpoint"));
            result.put("reopen", timeOpen(root, messages));
            result.put("reopenNoCheckpoint", timeOpen(copy, messages));
        } finally {
            ScratchDirectory.delete(root);
            ScratchDirectory.delete(copy);
        }
    }

    private static double timeOpen(Path root, long messages) throws IOException {
        long start = System.nanoTime();
        try (MessageStore store = StoreFiller.open(root)) {
            double seconds = seconds(start);
            long total = 0;
            for (int queue = 0; queue < 64; queue++) {
                total += store.maxOffset(MessageStream.TOPIC, queue);
            }
            if (total < messages) { // ASYNC_FLUSH, but killed after everything was dispatched
                throw new IllegalStateException("recovered " + total + " of " + messages + " messages");
            }
            return seconds;
        }
    }

    private static void fillInChildAndKill(Path root, long messages, int queues) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreFiller.class.getName(),
                        root.toString(),
                        Long.toString(messages),
                        Integer.toString(queues))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("FILLED")) {
                // the filler's log lines
            }
            if (line == null) {
                throw new IllegalStateException("the filler JVM ended before filling the store");
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("lock")) {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static double seconds(long startNs) {
        return (System.nanoTime() - startNs) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: store [--messages N] [--queues N] [--runs N]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
