package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupConfig;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.HeartbeatResponseHeader;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.time.Clock;
import java.util.Optional;

/**
 * HEART_BEAT (34): registers the client's producer groups and consumer groups with their
 * subscriptions, all before answering (G10, G19); per consumer group auto-creates the subscription
 * group when allowed and {@code %RETRY%<group>} (G21). Membership changes notify the group. Answers
 * SUCCESS with Apache 5.x's header ({@code IS_SUPPORT_HEART_BEAT_V2=false}). Stateless.
 */
public final class HeartbeatHandler implements RequestHandler {
    public static final String RETRY_PREFIX = "%RETRY%";

    private final ClientRegistry registry;
    private final SubscriptionGroupTable groups;
    private final TopicConfigTable topics;
    private final boolean autoCreateSubscriptionGroup;
    private final Clock clock;

    public HeartbeatHandler(
            ClientRegistry registry,
            SubscriptionGroupTable groups,
            TopicConfigTable topics,
            boolean autoCreateSubscriptionGroup,
            Clock clock) {
        this.registry = registry;
        this.groups = groups;
        this.topics = topics;
        this.autoCreateSubscriptionGroup = autoCreateSubscriptionGroup;
        this.clock = clock;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        HeartbeatData data = JsonBodyCodec.decode(request.body(), HeartbeatData.class);
        if (data.clientID() == null) {
            return Answers.of(request, ResponseCode.INVALID_PARAMETER, "heartbeat without clientID");
        }
        for (HeartbeatData.ProducerData producer : data.producerDataSet()) {
            registry.registerProducer(producer.groupName(), connection(channel, request, data));
        }
        for (HeartbeatData.ConsumerData consumer : data.consumerDataSet()) {
            groupConfig(consumer.groupName())
                    .ifPresent(config ->
                            topics.createIfAbsent(RETRY_PREFIX + consumer.groupName(), config.retryQueueNums()));
            registry.registerConsumer(connection(channel, request, data), consumer);
        }
        return Answers.withHeader(request, ResponseCode.SUCCESS, null, new HeartbeatResponseHeader(false, true));
    }

    private Optional<SubscriptionGroupConfig> groupConfig(String group) {
        return autoCreateSubscriptionGroup ? Optional.of(groups.createIfAbsent(group)) : groups.find(group);
    }

    private ClientConnection connection(RemoteChannel channel, RemotingCommand request, HeartbeatData data) {
        return new ClientConnection(
                data.clientID(), channel, request.language().name(), request.version(), clock.millis());
    }
}
