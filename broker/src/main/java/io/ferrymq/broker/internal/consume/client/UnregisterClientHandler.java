package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.header.broker.UnregisterClientRequestHeader;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * UNREGISTER_CLIENT (35): removes the client from the named producer and/or consumer group (the
 * consumer group is notified) and answers SUCCESS. Stateless.
 */
public final class UnregisterClientHandler implements RequestHandler {
    private final ClientRegistry registry;

    public UnregisterClientHandler(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (UnregisterClientRequestHeader) RequestHeaders.decode(request);
        if (header.producerGroup() != null) {
            registry.unregisterProducer(header.producerGroup(), header.clientID());
        }
        if (header.consumerGroup() != null) {
            registry.unregisterConsumer(header.consumerGroup(), header.clientID());
        }
        return Answers.success(request);
    }
}
