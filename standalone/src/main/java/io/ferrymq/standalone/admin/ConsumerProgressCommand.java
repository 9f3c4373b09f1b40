package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ConsumerGroupStats;
import io.ferrymq.client.QueueStats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A consumer group's offsets and lag on each queue of a topic. */
@Command(name = "consumerProgress", description = "a consumer group's offsets and lag per queue")
final class ConsumerProgressCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-g", "--groupName"},
            required = true)
    String group;

    @Option(
            names = {"-t", "--topic"},
            required = true)
    String topic;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            ConsumerGroupStats stats = admin.consumeStats(group, topic);
            System.out.printf(
                    "%-24s %-6s %-14s %-14s %-10s%n", "#Broker", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff");
            for (QueueStats queue : stats.queues()) {
                System.out.printf(
                        "%-24s %-6d %-14d %-14d %-10d%n",
                        queue.queue().brokerName(),
                        queue.queue().queueId(),
                        queue.brokerOffset(),
                        queue.consumerOffset(),
                        queue.lag());
            }
            System.out.printf("total lag %d%n", stats.totalLag());
        }
        return 0;
    }
}
