package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/** UNREGISTER_BROKER (104): a broker shutting down leaves its group. Thread-safe. */
public final class UnregisterBrokerHandler implements RequestHandler {
    private final RouteRegistry registry;

    public UnregisterBrokerHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        UnRegisterBrokerRequestHeader header = HeaderBinding.decode(request, UnRegisterBrokerRequestHeader.class);
        registry.unregister(header.clusterName(), header.brokerAddr(), header.brokerName());
        return Responses.success(request);
    }
}
