package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/** GET_BROKER_CLUSTER_INFO (106): every broker group and every cluster's group names. Thread-safe. */
public final class ClusterInfoHandler implements RequestHandler {
    private final RouteRegistry registry;

    public ClusterInfoHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        return Responses.json(request, registry.clusterInfo());
    }
}
