package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.BrokerHeartbeatRequestHeader;
import io.ferrymq.protocol.header.namesrv.QueryDataVersionRequestHeader;
import io.ferrymq.protocol.header.namesrv.QueryDataVersionResponseHeader;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;

/**
 * The cheap alternatives to a full registration: BROKER_HEARTBEAT (904) refreshes a broker's
 * timestamp; QUERY_DATA_VERSION (322) tells a broker whether its topic table changed since the
 * nameserver last saw it (header {@code changed}, body = the version on record), counting an
 * unchanged one as a heartbeat. Register its methods as handlers. Thread-safe.
 */
public final class BrokerLivenessHandler {
    private final RouteRegistry registry;

    public BrokerLivenessHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    public RemotingCommand heartbeat(RemoteChannel channel, RemotingCommand request) {
        BrokerHeartbeatRequestHeader header = HeaderBinding.decode(request, BrokerHeartbeatRequestHeader.class);
        registry.heartbeat(header.clusterName(), header.brokerAddr());
        return Responses.success(request);
    }

    public RemotingCommand queryDataVersion(RemoteChannel channel, RemotingCommand request) {
        QueryDataVersionRequestHeader header = HeaderBinding.decode(request, QueryDataVersionRequestHeader.class);
        DataVersion version =
                request.body().length == 0 ? null : JsonBodyCodec.decode(request.body(), DataVersion.class);
        RouteRegistry.DataVersionCheck check =
                registry.checkDataVersion(header.clusterName(), header.brokerAddr(), version);
        RemotingCommand response = Responses.withHeader(request, new QueryDataVersionResponseHeader(check.changed()));
        if (check.onRecord() != null) {
            response.body(JsonBodyCodec.encode(check.onRecord()));
        }
        return response;
    }
}
