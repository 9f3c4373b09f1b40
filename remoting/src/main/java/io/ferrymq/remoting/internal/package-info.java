/**
 * The Netty machinery behind {@link io.ferrymq.remoting.RemotingServer} and
 * {@link io.ferrymq.remoting.RemotingClient}: event loops, the frame decoder and encoder, the
 * dispatcher that hands requests to handler executors, and the per-connection table that matches
 * responses to pending calls by opaque. Not an API; other modules use the root package only.
 */
package io.ferrymq.remoting.internal;
