package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.MessageQueue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Min and max offset of each queue of a topic. */
@Command(name = "topicStatus", description = "min and max offsets of each queue of a topic")
final class TopicStatusCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-t", "--topic"},
            required = true)
    String topic;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            System.out.printf("%-24s %-6s %-14s %-14s%n", "#Broker", "#QID", "#Min Offset", "#Max Offset");
            for (MessageQueue queue : admin.queues(topic)) {
                System.out.printf(
                        "%-24s %-6d %-14d %-14d%n",
                        queue.brokerName(), queue.queueId(), admin.minOffset(queue), admin.maxOffset(queue));
            }
        }
        return 0;
    }
}
