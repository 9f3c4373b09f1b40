package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.consume.offset.ConsumerOffsetTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.DeleteSubscriptionGroupRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * DELETE_SUBSCRIPTIONGROUP (207): removes the group's config, and its offsets when {@code
 * cleanOffset} is true. SUCCESS. Stateless.
 */
public final class DeleteGroupHandler implements RequestHandler {
    private final SubscriptionGroupTable groups;
    private final ConsumerOffsetTable offsets;

    public DeleteGroupHandler(SubscriptionGroupTable groups, ConsumerOffsetTable offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (DeleteSubscriptionGroupRequestHeader) RequestHeaders.decode(request);
        groups.delete(header.groupName());
        if (Boolean.TRUE.equals(header.cleanOffset())) {
            offsets.deleteGroup(header.groupName());
        }
        return Answers.success(request);
    }
}
