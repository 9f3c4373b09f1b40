package io.ferrymq.remoting;

import io.ferrymq.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;

/**
 * One live connection, seen from either end. The server hands it to handlers and listeners; it is
 * how a server answers later and how it sends requests of its own to a client (for example a
 * transaction check) on the connection the client opened. Thread-safe.
 */
public interface RemoteChannel {
    /** The peer as {@code host:port}. */
    String remoteAddress();

    boolean isActive();

    /** Sends a response; its opaque must already match the request's. Never blocks. */
    void writeResponse(RemotingCommand response);

    /**
     * Sends a request and completes with the peer's response, or exceptionally with a
     * {@link RemotingTimeoutException} after {@code timeoutMs} or a {@link RemotingException} when
     * the connection fails. Never blocks.
     */
    CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs);

    /** Sends a request marked oneway; no response is expected. Never blocks. */
    void invokeOneway(RemotingCommand request);

    void close();
}
