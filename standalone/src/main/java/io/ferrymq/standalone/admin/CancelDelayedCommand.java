package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Cancels a pending delayed message by its message id; exit code 1 when none was pending. */
@Command(name = "cancelDelayed", description = "cancel a pending delayed message by its message id (UNIQ_KEY)")
final class CancelDelayedCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-c", "--clusterName"},
            defaultValue = "DefaultCluster")
    String cluster;

    @Option(
            names = {"-i", "--msgId"},
            required = true)
    String msgId;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            if (admin.cancelDelayed(cluster, msgId)) {
                System.out.printf("delayed message %s cancelled: it will not be delivered%n", msgId);
                return 0;
            }
            System.err.printf(
                    "no pending delayed message %s in %s (already delivered, cancelled, or unknown)%n", msgId, cluster);
            return 1;
        }
    }
}
