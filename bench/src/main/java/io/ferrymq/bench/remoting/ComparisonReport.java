package io.ferrymq.bench.remoting;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians of each side's runs and FerryMQ's ratio to the baseline. */
record ComparisonReport(List<Map<String, Double>> ferry, List<Map<String, Double>> rocketmq) {

    void print(PrintStream out) {
        double ferryRps = median(ferry, "requestsPerSecond");
        double rocketRps = median(rocketmq, "requestsPerSecond");
        double ferryP99 = median(ferry, "p99us");
        double rocketP99 = median(rocketmq, "p99us");
        out.printf(
                Locale.ROOT,
                "median   ferry    %9.0f req/s  p50 %6.0f us  p99 %6.0f us%n",
                ferryRps,
                median(ferry, "p50us"),
                ferryP99);
        out.printf(
                Locale.ROOT,
                "median   rocketmq %9.0f req/s  p50 %6.0f us  p99 %6.0f us%n",
                rocketRps,
                median(rocketmq, "p50us"),
                rocketP99);
        out.printf(
                Locale.ROOT,
                "ratio ferry/rocketmq: throughput %.2fx, p99 %.2fx (lower is better)%n",
                ferryRps / rocketRps,
                ferryP99 / rocketP99);
    }

    static double median(List<Map<String, Double>> runs, String key) {
        double[] values =
                runs.stream().mapToDouble(run -> run.get(key)).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
