package io.ferrymq.remoting;

/**
 * Hears about connections coming and going. Called on an I/O thread: implementations must be quick
 * and must not block.
 */
public interface ChannelListener {
    default void onConnected(RemoteChannel channel) {}

    /** The connection closed, for whatever reason (peer, idle, error, local close). */
    default void onClosed(RemoteChannel channel) {}

    /** No traffic either way for the idle timeout; the transport closes the connection next. */
    default void onIdle(RemoteChannel channel) {}

    default void onException(RemoteChannel channel, Throwable cause) {}
}
