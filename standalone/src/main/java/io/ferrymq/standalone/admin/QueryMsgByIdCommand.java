package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One message by its offset message id (the send result's offsetMsgId). */
@Command(name = "queryMsgById", description = "one message by its offset message id")
final class QueryMsgByIdCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-i", "--msgId"},
            required = true)
    String offsetMsgId;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            System.out.println(MessageLines.describe(admin.viewMessage(offsetMsgId)));
        }
        return 0;
    }
}
