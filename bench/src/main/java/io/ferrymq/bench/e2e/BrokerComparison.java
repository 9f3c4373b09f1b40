package io.ferrymq.bench.e2e;

import io.ferrymq.bench.e2e.LoadRun.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FerryMQ beside Apache RocketMQ 5.5.0 in the same run, the official client as the load for both:
 * idle broker RSS, 1 KB sync sends, batch sends, and draining a backlog with a push consumer. Runs
 * alternate between the products; each starts fresh processes and a fresh store.
 *
 * <p>FerryMQ's servers start through their launchers under {@code bench.ferry.home}; RocketMQ's from
 * the classpath {@code bench.classpath.rocketmq} (its servers and client, plus this jar for the load);
 * {@code bin/benchmark brokers} sets both.
 */
public final class BrokerComparison {
    private BrokerComparison() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        LoadRun load = new LoadRun(
                System.getProperty("bench.classpath.rocketmq"),
                Integer.parseInt(options.getOrDefault("threads", "16")),
                Integer.parseInt(options.getOrDefault("warmup", "10")),
                Integer.parseInt(options.getOrDefault("seconds", "30")),
                Long.parseLong(options.getOrDefault("backlog", "1000000")),
                Integer.parseInt(options.getOrDefault("body", "1024")));
        System.out.println("brokers: " + load + ", runs=" + runs + ", broker heap " + BrokerCluster.SERVER_HEAP
                + ", ASYNC_FLUSH, official rocketmq-client 5.5.0 as the load for both");
        List<String> products =
                List.of(options.getOrDefault("products", "ferry,rocketmq").split(","));
        List<Workload> workloads = new ArrayList<>();
        for (String name :
                options.getOrDefault("workloads", "idle,sync,batch,drain").split(",")) {
            if (!name.equals("idle")) {
                workloads.add(Workload.valueOf(name.toUpperCase(Locale.ROOT)));
            }
        }
        boolean idle = options.getOrDefault("workloads", "idle").contains("idle");
        Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String product : products) {
                Map<String, Double> result = runProduct(product, load, idle, workloads);
                results.computeIfAbsent(product, p -> new ArrayList<>()).add(result);
                System.out.printf(Locale.ROOT, "run %d %-8s %s%n", run, product, result);
            }
        }
        if (results.containsKey("ferry") && results.containsKey("rocketmq")) {
            new BrokerReport(results.get("ferry"), results.get("rocketmq")).print(System.out);
        }
    }

    private static Map<String, Double> runProduct(String product, LoadRun load, boolean idle, List<Workload> workloads)
            throws Exception {
        Path dir = Files.createTempDirectory("ferrymq-bench-" + product);
        Map<String, Double> result = new LinkedHashMap<>();
        try (BrokerCluster cluster = start(product, dir)) {
            cluster.awaitRegistered(cluster.brokerAddr(), 60_000);
            if (idle) {
                Thread.sleep(10_000); // idle: started, registered, nothing sent yet
                result.put("idleRssMiB", cluster.broker().rssKib() / 1024.0);
            }
            for (Workload workload : workloads) {
                load.run(workload, cluster.namesrvAddr(), cluster.broker().pid())
                        .forEach((key, value) ->
                                result.put(workload.name().toLowerCase(Locale.ROOT) + "." + key, value));
            }
        } catch (Exception e) {
            System.err.println(product + " run failed; its files are kept in " + dir);
            throw e;
        }
        io.ferrymq.bench.store.ScratchDirectory.deleteQuietly(dir);
        return result;
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: brokers [--runs N] [--threads N] [--warmup S]"
                        + " [--seconds S] [--backlog N] [--body B] [--products ferry,rocketmq]"
                        + " [--workloads idle,sync,batch,drain,transaction]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
