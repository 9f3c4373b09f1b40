package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Deletes a topic from every master of a cluster and from the nameservers. */
@Command(name = "deleteTopic", description = "delete a topic from a cluster and the nameservers")
final class DeleteTopicCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            admin.deleteTopic(cluster, topic);
            System.out.printf("topic %s deleted from %s%n", topic, cluster);
        }
        return 0;
    }
}
