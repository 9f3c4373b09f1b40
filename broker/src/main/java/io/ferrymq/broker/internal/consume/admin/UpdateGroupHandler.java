package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.consume.group.SubscriptionGroupConfig;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.dlq.RetryPolicies;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import io.ferrymq.scheduler.DelayLevels;

/**
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200): creates or replaces the group in the body (a {@link
 * SubscriptionGroupConfig}; absent fields take defaults). INVALID_PARAMETER without a group name or
 * with a {@code groupRetryPolicy} that does not parse.
 * Stateless.
 */
public final class UpdateGroupHandler implements RequestHandler {
    private final SubscriptionGroupTable groups;

    public UpdateGroupHandler(SubscriptionGroupTable groups) {
        this.groups = groups;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        SubscriptionGroupConfig config = JsonBodyCodec.decode(request.body(), SubscriptionGroupConfig.class);
        if (config.groupName() == null || config.groupName().isBlank()) {
            return Answers.of(request, ResponseCode.INVALID_PARAMETER, "subscription group without groupName");
        }
        try {
            RetryPolicies.parse(config.groupRetryPolicyJson(), DelayLevels.DEFAULT);
        } catch (IllegalArgumentException e) {
            return Answers.of(request, ResponseCode.INVALID_PARAMETER, "groupRetryPolicy: " + e.getMessage());
        }
        groups.put(config);
        return Answers.success(request);
    }
}
