/**
 * Typed custom headers of the requests a broker answers and of the requests a broker sends to its
 * clients, with their response headers: one immutable record per kind, component names being
 * RocketMQ's wire keys.
 *
 * <p>The hot paths (send and pull, and their responses) have hand-written codecs that read and write
 * {@code extFields} without reflection; every other header travels through
 * {@link io.ferrymq.protocol.header.HeaderBinding}. {@link io.ferrymq.protocol.header.broker.RequestHeaders}
 * finds the header of a request code.
 */
package io.ferrymq.protocol.header.broker;
