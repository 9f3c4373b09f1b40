package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ReplayOutcome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replays dead letters to their original topic (or the group's retry topic), once each; exit 1 if any failed. */
@Command(name = "replayDeadLetters", description = "send dead letters again, durably and once each")
final class ReplayDeadLettersCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-b", "--brokerAddr"},
            required = true,
            description = "the broker holding them (from deadLetters)")
    String brokerAddr;

    @Option(
            names = {"-g", "--consumerGroup"},
            required = true)
    String group;

    @Option(
            names = {"-i", "--msgId"},
            required = true,
            split = ",",
            description = "message ids, comma-separated")
    List<String> msgIds;

    @Option(
            names = {"-r", "--toRetryTopic"},
            description = "to the group's retry topic only, not the original topic")
    boolean toRetryTopic;

    @Option(
            names = {"-p", "--permitsPerSecond"},
            defaultValue = "100")
    double permitsPerSecond;

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        try (Admin admin = options.connect()) {
            for (ReplayOutcome outcome :
                    admin.replayDeadLetters(brokerAddr, group, msgIds, toRetryTopic, permitsPerSecond)) {
                System.out.printf(
                        "%-34s %-17s %-24s %s%n",
                        outcome.msgId(),
                        outcome.status(),
                        outcome.targetTopic() == null ? "-" : outcome.targetTopic(),
                        outcome.reason() == null ? "" : outcome.reason());
                failed +=
                        outcome.status().equals("REPLAYED") || outcome.status().equals("ALREADY_REPLAYED") ? 0 : 1;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
