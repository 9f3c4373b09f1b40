package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.broker.internal.consume.group.SubscriptionGroupConfig;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.remoting.RemoteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every member of a consumer group that its membership changed (NOTIFY_CONSUMER_IDS_CHANGED,
 * oneway, {@code extFields {"consumerGroup":...}}), so clients rebalance at once instead of within
 * 20 s; skipped when the group's {@code notifyConsumerIdsChangedEnable} is off. Never blocks.
 * Thread-safe.
 */
public final class ConsumerIdsNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerIdsNotifier.class);

    private final SubscriptionGroupTable groups;

    public ConsumerIdsNotifier(SubscriptionGroupTable groups) {
        this.groups = groups;
    }

    public void membershipChanged(ConsumerGroupInfo group) {
        boolean enabled = groups.find(group.groupName())
                .map(SubscriptionGroupConfig::notifyConsumerIdsChangedEnable)
                .orElse(Boolean.TRUE);
        if (!enabled) {
            return;
        }
        for (ClientConnection connection : group.connections()) {
            send(connection.channel(), group.groupName());
        }
    }

    private static void send(RemoteChannel channel, String group) {
        if (!channel.isActive()) {
            return;
        }
        RemotingCommand notice = RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED)
                .putExtField("consumerGroup", group)
                .markOneway();
        try {
            channel.invokeOneway(notice);
        } catch (RuntimeException e) {
            LOG.debug("cannot notify {} of group {} changes: {}", channel.remoteAddress(), group, e.toString());
        }
    }
}
