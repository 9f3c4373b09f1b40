package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates (or updates) a topic on every master of a cluster. */
@Command(name = "updateTopic", description = "create or update a topic on every master of a cluster")
final class UpdateTopicCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-c", "--clusterName"},
            defaultValue = "DefaultCluster")
    String cluster;

    @Option(
            names = {"-t", "--topic"},
            required = true)
    String topic;

    @Option(
            names = {"-r", "-w", "--queueNums"},
            defaultValue = "8",
            description = "read and write queues")
    int queueNums;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            admin.createTopic(cluster, topic, queueNums);
            System.out.printf("topic %s: %d queues on every master of %s%n", topic, queueNums, cluster);
        }
        return 0;
    }
}
