package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.GetConsumerListByGroupRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.List;

/**
 * GET_CONSUMER_LIST_BY_GROUP (38): {@code {"consumerIdList":[...]}} of the group's live clients, or
 * SYSTEM_ERROR "no consumer for this group" when it has none (an empty list would break the client's
 * allocation, G19). Stateless.
 */
public final class ConsumerListHandler implements RequestHandler {
    private final ClientRegistry registry;

    public ConsumerListHandler(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (GetConsumerListByGroupRequestHeader) RequestHeaders.decode(request);
        List<String> ids = registry.consumerGroup(header.consumerGroup())
                .map(ConsumerGroupInfo::clientIds)
                .orElse(List.of());
        if (ids.isEmpty()) {
            return Answers.systemError(request, "no consumer for this group, " + header.consumerGroup());
        }
        return Answers.success(request, JsonBodyCodec.encode(new ConsumerIdList(ids)));
    }

    /** The answer's body. */
    public record ConsumerIdList(List<String> consumerIdList) {}
}
