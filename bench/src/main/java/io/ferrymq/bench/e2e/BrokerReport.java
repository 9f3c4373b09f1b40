package io.ferrymq.bench.e2e;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians of each product's runs, side by side, with FerryMQ's ratio to RocketMQ. */
record BrokerReport(List<Map<String, Double>> ferry, List<Map<String, Double>> rocketmq) {
    private static final List<String> FIGURES = List.of(
            "idleRssMiB",
            "sync.messagesPerSecond",
            "sync.p50us",
            "sync.p99us",
            "sync.p999us",
            "sync.brokerCpuUsPerMsg",
            "sync.loadCpuUsPerMsg",
            "batch.messagesPerSecond",
            "batch.p99us",
            "batch.brokerCpuUsPerMsg",
            "batch.loadCpuUsPerMsg",
            "drain.messagesPerSecond",
            "drain.firstMessageSeconds",
            "drain.seconds",
            "drain.brokerCpuUsPerMsg",
            "drain.loadCpuUsPerMsg",
            "transaction.messagesPerSecond",
            "transaction.p99us",
            "transaction.brokerCpuUsPerMsg",
            "transaction.loadCpuUsPerMsg");

    void print(PrintStream out) {
        out.printf("%-30s %14s %14s %8s%n", "median", "ferry", "rocketmq", "ratio");
        for (String figure : FIGURES) {
            if (ferry.stream().noneMatch(run -> run.containsKey(figure))) {
                continue;
            }
            double f = median(ferry, figure);
            double r = median(rocketmq, figure);
            String format = f < 100 ? "%-30s %14.2f %14.2f %7.2fx%n" : "%-30s %14.0f %14.0f %7.2fx%n";
            out.printf(Locale.ROOT, format, figure, f, r, f / r);
        }
    }

    private static double median(List<Map<String, Double>> runs, String key) {
        double[] values = runs.stream()
                .mapToDouble(run -> run.getOrDefault(key, Double.NaN))
                .sorted()
                .toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
