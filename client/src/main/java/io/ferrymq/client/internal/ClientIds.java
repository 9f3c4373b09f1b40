package io.ferrymq.client.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/**
 * The client's identity on the wire: {@code ip@pid#nanoTime}, RocketMQ's clientID form, so every
 * producer and consumer instance is told apart by the broker. Stateless.
 */
public final class ClientIds {
    private ClientIds() {}

    /** A fresh client id for a new instance. */
    public static String newClientId() {
        return localAddress().getHostAddress() + "@" + ProcessHandle.current().pid() + "#" + System.nanoTime();
    }

    /** The first non-loopback IPv4 address of this host, else the loopback address. */
    public static InetAddress localAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address;
                    }
                }
            }
            return InetAddress.getByName("127.0.0.1");
        } catch (SocketException | UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
