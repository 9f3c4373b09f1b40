package io.ferrymq.remoting.internal;

import io.ferrymq.remoting.ChannelListener;
import io.ferrymq.remoting.RemoteChannel;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one server or client, notified in registration order. A listener that throws is
 * logged and does not stop the others or the connection.
 *
 * <p>Thread-safe: listeners may be added while connections come and go.
 */
public final class ChannelListeners implements ChannelListener {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelListeners.class);

    private final CopyOnWriteArrayList<ChannelListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ChannelListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onConnected(RemoteChannel channel) {
        for (ChannelListener listener : listeners) {
            try {
                listener.onConnected(channel);
            } catch (RuntimeException e) {
                report(listener, channel, e);
            }
        }
    }

    @Override
    public void onClosed(RemoteChannel channel) {
        for (ChannelListener listener : listeners) {
            try {
                listener.onClosed(channel);
            } catch (RuntimeException e) {
                report(listener, channel, e);
            }
        }
    }

    @Override
    public void onIdle(RemoteChannel channel) {
        for (ChannelListener listener : listeners) {
            try {
                listener.onIdle(channel);
            } catch (RuntimeException e) {
                report(listener, channel, e);
            }
        }
    }

    @Override
    public void onException(RemoteChannel channel, Throwable cause) {
        for (ChannelListener listener : listeners) {
            try {
                listener.onException(channel, cause);
            } catch (RuntimeException e) {
                report(listener, channel, e);
            }
        }
    }

    private static void report(ChannelListener listener, RemoteChannel channel, RuntimeException e) {
        LOG.warn("channel listener {} failed on {}", listener, channel, e);
    }
}
