package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.remoting.RemoteChannel;

/**
 * What the nameserver knows about one live broker process: when it last registered or heartbeat,
 * how long it may stay silent, the connection it registered on, its topic-table version and its HA
 * address (handed to its slaves). Immutable; a refresh makes a new value.
 *
 * @param channel the registering connection, or null when registered without one (tests)
 * @param channelAddr the peer address of {@code channel} captured at registration
 */
public record LiveBroker(
        long lastUpdateMs,
        long timeoutMs,
        RemoteChannel channel,
        String channelAddr,
        DataVersion dataVersion,
        String haServerAddr) {

    public LiveBroker refreshed(long nowMs) {
        return new LiveBroker(nowMs, timeoutMs, channel, channelAddr, dataVersion, haServerAddr);
    }

    public boolean expiredAt(long nowMs) {
        return nowMs - lastUpdateMs > timeoutMs;
    }

    /** Whether {@code other} is the connection this broker registered on. */
    public boolean registeredOn(RemoteChannel other) {
        if (other == null || channel == null) {
            return false;
        }
        return channel == other
                || channel.equals(other)
                || (channelAddr != null && channelAddr.equals(other.remoteAddress()));
    }
}
