/**
 * The transport: a Netty {@link io.ferrymq.remoting.RemotingServer} and
 * {@link io.ferrymq.remoting.RemotingClient} that carry {@link io.ferrymq.protocol.RemotingCommand}s,
 * correlate responses by opaque, and dispatch requests to one {@link io.ferrymq.remoting.RequestHandler}
 * per request code on that handler's executor. Knows no broker or nameserver concepts.
 */
package io.ferrymq.remoting;
