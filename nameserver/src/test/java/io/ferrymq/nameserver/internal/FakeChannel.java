package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.remoting.RemoteChannel;
import java.util.concurrent.CompletableFuture;

/** A connection that goes nowhere, identified by its peer address. */
public final class FakeChannel implements RemoteChannel {
    private final String remoteAddress;
    private volatile boolean active = true;

    public FakeChannel(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void writeResponse(RemotingCommand response) {}

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("fake channel"));
    }

    @Override
    public void invokeOneway(RemotingCommand request) {}

    @Override
    public void close() {
        active = false;
    }
}
