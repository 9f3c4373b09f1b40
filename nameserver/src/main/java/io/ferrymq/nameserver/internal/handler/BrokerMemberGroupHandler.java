package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.GetBrokerMemberGroupRequestHeader;
import io.ferrymq.protocol.route.BrokerMemberGroup;
import io.ferrymq.protocol.route.BrokerMemberGroupBody;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/** GET_BROKER_MEMBER_GROUP (901): the live members of one broker group (empty when unknown). Thread-safe. */
public final class BrokerMemberGroupHandler implements RequestHandler {
    private final RouteRegistry registry;

    public BrokerMemberGroupHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        GetBrokerMemberGroupRequestHeader header =
                HeaderBinding.decode(request, GetBrokerMemberGroupRequestHeader.class);
        BrokerMemberGroup group = new BrokerMemberGroup(
                header.clusterName(), header.brokerName(), registry.memberAddrs(header.brokerName()));
        return Responses.json(request, new BrokerMemberGroupBody(group));
    }
}
