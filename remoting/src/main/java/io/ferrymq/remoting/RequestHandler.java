package io.ferrymq.remoting;

import io.ferrymq.protocol.RemotingCommand;

/**
 * Handles one kind of request. Runs on the executor it was registered with, never on an I/O thread.
 *
 * <p>The returned command is sent as the response (its opaque and response flag are set by the
 * transport) unless the request was oneway. Returning null means the handler answers later through
 * {@link RemoteChannel#writeResponse}, or that no answer is due. An exception becomes a
 * {@code SYSTEM_ERROR} response carrying its message ({@code INVALID_PARAMETER} for an
 * {@link io.ferrymq.protocol.InvalidHeaderException}); the connection stays open.
 */
@FunctionalInterface
public interface RequestHandler {
    RemotingCommand handle(RemoteChannel channel, RemotingCommand request) throws Exception;
}
