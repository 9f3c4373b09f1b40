package io.ferrymq.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one workload of {@link OfficialClientLoad} in a child JVM on RocketMQ's classpath. */
record LoadRun(String classpath, int threads, int warmupSeconds, int seconds, long backlog, int bodyBytes) {

    enum Workload {
        SYNC,
        BATCH,
        DRAIN,
        TRANSACTION
    }

    /**
     * Runs {@code workload} against {@code namesrvAddr}; the figures include {@code brokerCpuUsPerMsg}
     * and {@code loadCpuUsPerMsg}: CPU time of the broker process {@code brokerPid} and of the load JVM
     * over the measured window, per message counted in it.
     */
    Map<String, Double> run(Workload workload, String namesrvAddr, long brokerPid)
            throws IOException, InterruptedException {
        String amount = workload == Workload.DRAIN ? Long.toString(backlog) : Integer.toString(seconds);
        return runJava(
                brokerPid,
                classpath,
                OfficialClientLoad.class.getName(),
                List.of(
                        workload.name().toLowerCase(java.util.Locale.ROOT),
                        namesrvAddr,
                        "Bench" + workload.name() + System.nanoTime() % 100_000,
                        Integer.toString(workload == Workload.DRAIN ? 20 : threads),
                        Integer.toString(warmupSeconds),
                        amount,
                        Integer.toString(bodyBytes)));
    }

    /**
     * Runs {@code mainClass} in a child JVM (1 GiB heap) on {@code classpath} and returns the figures of
     * the {@code RESULT key=value ...} line it prints.
     *
     * @throws IllegalStateException with the child's output when it fails or prints no RESULT
     */
    static Map<String, Double> runJava(String classpath, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        return runJava(-1, classpath, mainClass, args);
    }

    /** As {@link #runJava(String, String, List)}, sampling {@code brokerPid}'s CPU (-1: none). */
    private static Map<String, Double> runJava(long brokerPid, String classpath, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g",
                "-Xmx1g",
                "-Drocketmq.client.logRoot=" + System.getProperty("java.io.tmpdir") + "/ferrymq-bench-client-logs",
                "-cp",
                classpath,
                mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> result = null;
        long[] window = new long[5]; // broker and load ticks at start, at end, messages
        StringBuilder tail = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = parse(line);
                } else if (brokerPid > 0 && line.equals(OfficialClientLoad.MEASURE_START)) {
                    window[0] = ProcessCpu.ticks(brokerPid);
                    window[1] = ProcessCpu.ticks(process.pid());
                } else if (brokerPid > 0 && line.startsWith(OfficialClientLoad.MEASURE_END)) {
                    window[2] = ProcessCpu.ticks(brokerPid);
                    window[3] = ProcessCpu.ticks(process.pid());
                    window[4] = Long.parseLong(line.substring(line.indexOf('=') + 1));
                } else if (tail.length() < 4000) {
                    tail.append(line).append('\n');
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException(mainClass + " " + args + " failed:\n" + tail);
        }
        if (window[4] > 0) {
            result.put("brokerCpuUsPerMsg", (window[2] - window[0]) * ProcessCpu.TICK_MICROS / window[4]);
            result.put("loadCpuUsPerMsg", (window[3] - window[1]) * ProcessCpu.TICK_MICROS / window[4]);
        }
        return result;
    }

    private static Map<String, Double> parse(String line) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        return values;
    }

    @Override
    public String toString() {
        return "threads=" + threads + " warmup=" + warmupSeconds + "s measured=" + seconds + "s backlog=" + backlog
                + " body=" + bodyBytes + "B";
    }
}
