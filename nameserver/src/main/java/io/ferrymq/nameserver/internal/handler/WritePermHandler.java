package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import io.ferrymq.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import io.ferrymq.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.ferrymq.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import io.ferrymq.remoting.RemoteChannel;

/**
 * WIPE_WRITE_PERM_OF_BROKER (205) and ADD_WRITE_PERM_OF_BROKER (327): take a broker group out of
 * (or back into) producers' routes, answering how many topics changed. Register its methods as
 * handlers. Thread-safe.
 */
public final class WritePermHandler {
    private final RouteRegistry registry;

    public WritePermHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    public RemotingCommand wipe(RemoteChannel channel, RemotingCommand request) {
        String brokerName = HeaderBinding.decode(request, WipeWritePermOfBrokerRequestHeader.class)
                .brokerName();
        return Responses.withHeader(
                request, new WipeWritePermOfBrokerResponseHeader(registry.wipeWritePerm(brokerName)));
    }

    public RemotingCommand add(RemoteChannel channel, RemotingCommand request) {
        String brokerName = HeaderBinding.decode(request, AddWritePermOfBrokerRequestHeader.class)
                .brokerName();
        return Responses.withHeader(request, new AddWritePermOfBrokerResponseHeader(registry.addWritePerm(brokerName)));
    }
}
