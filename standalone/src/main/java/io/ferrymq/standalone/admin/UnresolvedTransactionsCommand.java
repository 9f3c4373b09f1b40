package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.PendingTransaction;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Half messages no decision settled: parked ones (the default) or every pending one. */
@Command(
        name = "unresolvedTransactions",
        description = "half messages nobody decided: parked after the last check (default) or all pending")
final class UnresolvedTransactionsCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-c", "--clusterName"},
            defaultValue = "DefaultCluster")
    String cluster;

    @Option(
            names = {"-a", "--all"},
            description = "every pending half, not only the parked ones")
    boolean all;

    @Option(
            names = {"-m", "--max"},
            defaultValue = "100")
    int max;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            System.out.printf(
                    "%-22s %14s %-24s %-34s %-20s %6s %-10s %s%n",
                    "#Broker", "#HalfOffset", "#Topic", "#MsgId", "#ProducerGroup", "#Checks", "#State", "#Stored");
            for (PendingTransaction t : admin.unresolvedTransactions(cluster, !all, max)) {
                System.out.printf(
                        "%-22s %14d %-24s %-34s %-20s %6d %-10s %s%n",
                        t.brokerAddr(),
                        t.halfOffset(),
                        t.topic(),
                        t.msgId(),
                        t.producerGroup(),
                        t.checks(),
                        t.state(),
                        Instant.ofEpochMilli(t.storeTimeMs()));
            }
        }
        return 0;
    }
}
