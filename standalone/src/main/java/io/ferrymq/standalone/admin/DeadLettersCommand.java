package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.DeadLetterView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A group's dead letters stored within the last hours, and the DLQ counts. */
@Command(name = "deadLetters", description = "a consumer group's dead-letter queue: messages and counts")
final class DeadLettersCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-c", "--clusterName"},
            defaultValue = "DefaultCluster")
    String cluster;

    @Option(
            names = {"-g", "--consumerGroup"},
            required = true)
    String group;

    @Option(
            names = {"-H", "--hours"},
            defaultValue = "24",
            description = "how far back (default 24)")
    long hours;

    @Option(
            names = {"-m", "--max"},
            defaultValue = "100")
    int max;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            Instant now = Instant.now();
            System.out.printf(
                    "%-22s %-34s %-24s %9s %-25s %s%n",
                    "#Broker", "#MsgId", "#OriginTopic", "#Retries", "#Stored", "#Replayed");
            for (DeadLetterView letter :
                    admin.deadLetters(cluster, group, now.minus(Duration.ofHours(hours)), now, max)) {
                System.out.printf(
                        "%-22s %-34s %-24s %9d %-25s %s%n",
                        letter.brokerAddr(),
                        letter.msgId(),
                        letter.originTopic(),
                        letter.reconsumeTimes(),
                        Instant.ofEpochMilli(letter.storeTimeMs()),
                        letter.replayedAtMs() < 0
                                ? "-"
                                : Instant.ofEpochMilli(letter.replayedAtMs()).toString());
            }
            System.out.printf(
                    "%s: %d dead-lettered in total%n",
                    group, admin.deadLetterCounts(cluster).getOrDefault(group, 0L));
        }
        return 0;
    }
}
