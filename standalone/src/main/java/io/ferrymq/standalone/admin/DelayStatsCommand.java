package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.DelayStats;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The delayed messages of every master of a cluster: pending by due time, deliveries, lateness. */
@Command(name = "delayStats", description = "delayed messages of each broker: pending, next due, deliveries, lateness")
final class DelayStatsCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-c", "--clusterName"},
            defaultValue = "DefaultCluster")
    String cluster;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            System.out.printf(
                    "%-22s %10s %8s %8s %8s %8s %-24s %10s %8s %9s %9s %9s %9s%n",
                    "#Broker",
                    "#Pending",
                    "#<=1s",
                    "#<=1m",
                    "#<=1h",
                    "#<=1d",
                    "#NextDue",
                    "#Fired",
                    "#Fired/s",
                    "#LateP50",
                    "#LateP99",
                    "#LateMax",
                    "#Cancelled");
            for (Map.Entry<String, DelayStats> entry : admin.delayStats(cluster).entrySet()) {
                DelayStats s = entry.getValue();
                System.out.printf(
                        "%-22s %10d %8d %8d %8d %8d %-24s %10d %8.1f %7dms %7dms %7dms %9d%n",
                        entry.getKey(),
                        s.pending(),
                        s.dueWithin1s(),
                        s.dueWithin1m(),
                        s.dueWithin1h(),
                        s.dueWithin1d(),
                        s.nextDueMs() < 0
                                ? "-"
                                : Instant.ofEpochMilli(s.nextDueMs()).toString(),
                        s.firedTotal(),
                        s.firedPerSecond(),
                        s.latenessP50Ms(),
                        s.latenessP99Ms(),
                        s.latenessMaxMs(),
                        s.cancelledTotal());
            }
        }
        return 0;
    }
}
