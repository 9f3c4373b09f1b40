package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.remoting.ChannelListener;
import io.ferrymq.remoting.RemoteChannel;

/**
 * Drops a client's registrations the moment its connection closes (so its group rebalances at once).
 * Called on an I/O thread; the registry work is in memory and notifications never block.
 * Thread-safe.
 */
public final class RegistryChannelListener implements ChannelListener {
    private final ClientRegistry registry;

    public RegistryChannelListener(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onClosed(RemoteChannel channel) {
        registry.channelClosed(channel);
    }
}
