package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.consume.group.SubscriptionGroupConfig;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201): {@code {"subscriptionGroupTable":{name: config},
 * "dataVersion":{...}}} (RocketMQ's SubscriptionGroupWrapper). Stateless.
 */
public final class AllGroupConfigHandler implements RequestHandler {
    private final SubscriptionGroupTable groups;

    public AllGroupConfigHandler(SubscriptionGroupTable groups) {
        this.groups = groups;
    }

    /** The answer's body. */
    public record SubscriptionGroupWrapper(
            Map<String, SubscriptionGroupConfig> subscriptionGroupTable, DataVersion dataVersion) {}

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        Map<String, SubscriptionGroupConfig> table = new TreeMap<>();
        for (SubscriptionGroupConfig config : groups.all()) {
            table.put(config.groupName(), config);
        }
        return Answers.success(
                request, JsonBodyCodec.encode(new SubscriptionGroupWrapper(table, groups.dataVersion())));
    }
}
