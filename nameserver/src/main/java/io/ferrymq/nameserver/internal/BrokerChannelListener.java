package io.ferrymq.nameserver.internal;

import io.ferrymq.remoting.ChannelListener;
import io.ferrymq.remoting.RemoteChannel;

/**
 * Drops a broker the moment the connection it registered on closes, goes idle or fails, as Apache's
 * nameserver does; brokers keep that connection open and re-register on a new one. Runs on I/O
 * threads; the registry work it does is short. Thread-safe.
 */
public final class BrokerChannelListener implements ChannelListener {
    private final RouteRegistry registry;

    public BrokerChannelListener(RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onClosed(RemoteChannel channel) {
        registry.dropChannel(channel, DropReason.CHANNEL_CLOSED);
    }

    @Override
    public void onIdle(RemoteChannel channel) {
        registry.dropChannel(channel, DropReason.CHANNEL_IDLE);
    }

    @Override
    public void onException(RemoteChannel channel, Throwable cause) {
        registry.dropChannel(channel, DropReason.CHANNEL_EXCEPTION);
    }
}
