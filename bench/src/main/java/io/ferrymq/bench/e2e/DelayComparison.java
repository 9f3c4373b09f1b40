package io.ferrymq.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delayed-message lateness, FerryMQ beside Apache RocketMQ 5.5.0 in the same run, the official client
 * as the load for both ({@link OfficialDelayLoad} in a child JVM): {@code timers} messages delayed
 * {@code delayMs}, sent paced (over 10 s) and as a burst, each as a 5.x timer ({@code setDelayTimeMs})
 * and as delay level 2 ({@code setDelayTimeLevel}, 5 s), beside the same paced load without a delay
 * (what client and broker add on their own). Each run starts fresh processes and a fresh
 * store; runs alternate between the products. Prints every run and the medians.
 */
public final class DelayComparison {
    private static final List<String> CASES =
            List.of("paced none", "paced timer", "burst timer", "paced level", "burst level");

    private DelayComparison() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int timers = Integer.parseInt(options.getOrDefault("timers", "10000"));
        long delayMs = Long.parseLong(options.getOrDefault("delay-ms", "5000"));
        List<String> products =
                List.of(options.getOrDefault("products", "ferry,rocketmq").split(","));
        String loadClasspath = System.getProperty("bench.classpath.rocketmq");
        System.out.println("delay: timers=" + timers + " delay=" + delayMs + " ms, runs=" + runs
                + ", broker heap " + BrokerCluster.SERVER_HEAP
                + ", official rocketmq-client 5.5.0 as the load; lateness = arrival at the listener"
                + " - (send time + delay)");
        Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String product : products) {
                Path dir = Files.createTempDirectory("ferrymq-bench-delay-" + product);
                try (BrokerCluster cluster = start(product, dir)) {
                    cluster.awaitRegistered(cluster.brokerAddr(), 60_000);
                    for (String name : CASES) {
                        String[] parts = name.split(" ");
                        Map<String, Double> result = LoadRun.runJava(
                                loadClasspath,
                                OfficialDelayLoad.class.getName(),
                                List.of(
                                        cluster.namesrvAddr(),
                                        "BenchDelay" + parts[0] + parts[1] + System.nanoTime() % 100_000,
                                        Integer.toString(timers),
                                        Long.toString(delayMs),
                                        parts[0],
                                        parts[1]));
                        results.computeIfAbsent(product + " " + name, k -> new ArrayList<>())
                                .add(result);
                        System.out.printf(Locale.ROOT, "run %d %-8s %-12s %s%n", run, product, name, result);
                    }
                } finally {
                    io.ferrymq.bench.store.ScratchDirectory.deleteQuietly(dir);
                }
            }
        }
        System.out.printf(
                "%-22s %14s %14s %14s %8s %8s %12s%n",
                "median", "lateness p50", "p99", "max", "early", "missing", "sends/s");
        results.forEach((name, list) -> System.out.printf(
                Locale.ROOT,
                "%-22s %11.0f ms %11.0f ms %11.0f ms %8.0f %8.0f %12.0f%n",
                name,
                median(list, "latenessP50ms"),
                median(list, "latenessP99ms"),
                median(list, "latenessMaxMs"),
                median(list, "early"),
                median(list, "missing"),
                median(list, "sendsPerSecond")));
    }

    private static BrokerCluster start(String product, Path dir) throws Exception {
        return switch (product) {
            case "ferry" -> BrokerCluster.ferry(Path.of(System.getProperty("bench.ferry.home")), dir);
            case "rocketmq" ->
                BrokerCluster.rocketmq(
                        System.getProperty("bench.classpath.rocketmq"),
                        List.of(System.getProperty("rocketmq.jvm.flags", "")
                                .trim()
                                .split("\\s+")),
                        dir);
            default -> throw new IllegalArgumentException(product);
        };
    }

    static double median(List<Map<String, Double>> runs, String key) {
        double[] values = runs.stream()
                .mapToDouble(run -> run.getOrDefault(key, Double.NaN))
                .sorted()
                .toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(
                        "usage: delay [--runs N] [--timers N] [--delay-ms MS] [--products ferry,rocketmq]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
