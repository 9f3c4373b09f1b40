package io.ferrymq.remoting.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Converts between socket addresses and the {@code host:port} strings of the API. Stateless. */
public final class PeerAddress {
    private PeerAddress() {}

    /** {@code host:port}, the host as a literal IP when it is known (IPv4 dotted). */
    public static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /**
     * Parses {@code host:port} into a resolved address. Resolution happens on the calling thread,
     * never on an event loop.
     *
     * @throws IllegalArgumentException when {@code addr} is not {@code host:port}
     */
    public static InetSocketAddress parse(String addr) {
        int colon = addr == null ? -1 : addr.lastIndexOf(':');
        if (colon <= 0 || colon == addr.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, was " + addr);
        }
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address must be host:port, was " + addr, e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + addr);
        }
        return new InetSocketAddress(addr.substring(0, colon), port);
    }
}
