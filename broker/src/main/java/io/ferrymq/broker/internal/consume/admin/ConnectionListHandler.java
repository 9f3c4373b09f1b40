package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.consume.client.ClientConnection;
import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.client.ConsumerGroupInfo;
import io.ferrymq.broker.internal.consume.client.SubscriptionData;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.GetConsumerConnectionListRequestHeader;
import io.ferrymq.protocol.header.broker.GetProducerConnectionListRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET_CONSUMER_CONNECTION_LIST (203) and GET_PRODUCER_CONNECTION_LIST (204), one instance per kind:
 * RocketMQ's {@code ConsumerConnection} (connections, subscriptions, consume type, model, where from;
 * CONSUMER_NOT_ONLINE for a group without members) and {@code ProducerConnection} (connections;
 * SYSTEM_ERROR for an unknown group). Stateless.
 */
public final class ConnectionListHandler implements RequestHandler {
    private final ClientRegistry registry;
    private final boolean consumers;

    private ConnectionListHandler(ClientRegistry registry, boolean consumers) {
        this.registry = registry;
        this.consumers = consumers;
    }

    public static ConnectionListHandler consumers(ClientRegistry registry) {
        return new ConnectionListHandler(registry, true);
    }

    public static ConnectionListHandler producers(ClientRegistry registry) {
        return new ConnectionListHandler(registry, false);
    }

    /** One connection, as the bodies list them. */
    public record Connection(String clientId, String clientAddr, String language, int version) {}

    /** The consumer answer. */
    public record ConsumerConnection(
            List<Connection> connectionSet,
            Map<String, SubscriptionData> subscriptionTable,
            String consumeType,
            String messageModel,
            String consumeFromWhere) {}

    /** The producer answer. */
    public record ProducerConnection(List<Connection> connectionSet) {}

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        return consumers ? consumerList(request) : producerList(request);
    }

    private RemotingCommand consumerList(RemotingCommand request) {
        var header = (GetConsumerConnectionListRequestHeader) RequestHeaders.decode(request);
        Optional<ConsumerGroupInfo> group = registry.consumerGroup(header.consumerGroup());
        if (group.isEmpty() || group.get().isEmpty()) {
            return Answers.of(
                    request,
                    ResponseCode.CONSUMER_NOT_ONLINE,
                    "the consumer group[" + header.consumerGroup() + "] not online");
        }
        ConsumerGroupInfo info = group.get();
        var body = new ConsumerConnection(
                connections(info.connections()),
                info.subscriptions(),
                info.consumeType(),
                info.messageModel(),
                info.consumeFromWhere());
        return Answers.success(request, JsonBodyCodec.encode(body));
    }

    private RemotingCommand producerList(RemotingCommand request) {
        var header = (GetProducerConnectionListRequestHeader) RequestHeaders.decode(request);
        List<ClientConnection> members = registry.producers(header.producerGroup());
        if (members.isEmpty()) {
            return Answers.systemError(request, "the producer group[" + header.producerGroup() + "] not exist");
        }
        return Answers.success(request, JsonBodyCodec.encode(new ProducerConnection(connections(members))));
    }

    private static List<Connection> connections(List<ClientConnection> members) {
        return members.stream()
                .map(c -> new Connection(c.clientId(), c.channel().remoteAddress(), c.language(), c.version()))
                .toList();
    }
}
