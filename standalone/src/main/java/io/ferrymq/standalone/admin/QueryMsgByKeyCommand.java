package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.client.MessageView;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Messages of a topic carrying a key (KEYS or UNIQ_KEY). */
@Command(name = "queryMsgByKey", description = "messages of a topic with a key")
final class QueryMsgByKeyCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-t", "--topic"},
            required = true)
    String topic;

    @Option(
            names = {"-k", "--msgKey"},
            required = true)
    String key;

    @Option(
            names = {"-m", "--maxNum"},
            defaultValue = "64")
    int maxNum;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            for (MessageView m : admin.queryMessageByKey(
                    topic, key, Instant.EPOCH, Instant.now().plusSeconds(60), maxNum)) {
                System.out.println(MessageLines.describe(m));
            }
        }
        return 0;
    }
}
