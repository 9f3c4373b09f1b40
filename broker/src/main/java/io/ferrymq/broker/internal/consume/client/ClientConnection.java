package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.remoting.RemoteChannel;

/**
 * One client instance's connection as the registry sees it: its client id, the channel it
 * heartbeats on, the language and version it announced, and when it was last heard from.
 *
 * <p>Thread-safe: the last-heard time is volatile; everything else is final.
 */
public final class ClientConnection {
    private final String clientId;
    private final RemoteChannel channel;
    private final String language;
    private final int version;
    private volatile long lastUpdateMs;

    public ClientConnection(String clientId, RemoteChannel channel, String language, int version, long nowMs) {
        this.clientId = clientId;
        this.channel = channel;
        this.language = language;
        this.version = version;
        this.lastUpdateMs = nowMs;
    }

    public String clientId() {
        return clientId;
    }

    public RemoteChannel channel() {
        return channel;
    }

    public String language() {
        return language;
    }

    public int version() {
        return version;
    }

    public long lastUpdateMs() {
        return lastUpdateMs;
    }

    void touch(long nowMs) {
        lastUpdateMs = nowMs;
    }
}
