package io.ferrymq.bench.remoting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs FerryMQ's and RocketMQ's remoting round trips alternately, each run in a fresh JVM with the
 * same flags, and prints every run and the medians side by side with their ratio.
 *
 * <p>Classpaths come from system properties {@code bench.classpath.ferry} and
 * {@code bench.classpath.rocketmq}; {@code bin/benchmark remoting} sets them.
 */
public final class RemotingComparison {
    private RemotingComparison() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        String threads = options.getOrDefault("threads", "32");
        String warmup = options.getOrDefault("warmup", "5");
        String seconds = options.getOrDefault("seconds", "15");
        String body = options.getOrDefault("body", "128");
        String heap = options.getOrDefault("heap", "512m");
        System.out.printf(
                "remoting round trips: runs=%d threads=%s warmup=%ss measured=%ss body=%sB heap=%s, client and"
                        + " server in one JVM per run, loopback%n",
                runs, threads, warmup, seconds, body, heap);
        Map<String, List<Map<String, Double>>> results = new HashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String side : List.of("ferry", "rocketmq")) {
                Map<String, Double> result = runChild(side, heap, threads, warmup, seconds, body);
                results.computeIfAbsent(side, s -> new ArrayList<>()).add(result);
                System.out.printf(
                        Locale.ROOT,
                        "run %d %-8s %9.0f req/s  p50 %6.0f us  p99 %6.0f us  p999 %6.0f us%n",
                        run,
                        side,
                        result.get("requestsPerSecond"),
                        result.get("p50us"),
                        result.get("p99us"),
                        result.get("p999us"));
            }
        }
        new ComparisonReport(results.get("ferry"), results.get("rocketmq")).print(System.out);
    }

    private static Map<String, Double> runChild(String side, String heap, String... load)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("bench.classpath." + side);
        if (classpath == null) {
            throw new IllegalStateException("system property bench.classpath." + side + " is not set");
        }
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java",
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Dlogback.configurationFile=bench-logback.xml",
                "-cp",
                classpath,
                RoundTripRun.class.getName(),
                side));
        command.addAll(List.of(load));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = parseResult(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(side + " run failed with exit code " + exit);
        }
        return result;
    }

    private static Map<String, Double> parseResult(String line) {
        Map<String, Double> values = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].equals("side")) {
                values.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return values;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "usage: remoting [--runs N] [--threads N] [--warmup S] [--seconds S] [--body B] [--heap H]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
