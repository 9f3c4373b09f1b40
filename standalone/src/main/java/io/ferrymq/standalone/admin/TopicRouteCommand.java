package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.protocol.route.JsonBodyCodec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A topic's route as the nameserver serves it, as JSON. */
@Command(name = "topicRoute", description = "print a topic's route (JSON)")
final class TopicRouteCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-t", "--topic"},
            required = true)
    String topic;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            System.out.println(
                    new String(JsonBodyCodec.encode(admin.topicRoute(topic)), java.nio.charset.StandardCharsets.UTF_8));
        }
        return 0;
    }
}
