package io.ferrymq.protocol.message;

import java.net.InetSocketAddress;

/**
 * A decoded offset message id (wire-protocol §6.6): the broker's advertised store host and the
 * record's commit-log offset. Immutable.
 *
 * @param storeHost the store host, resolved (no name lookup was made)
 * @param physicalOffset commit-log offset of the record
 */
public record OffsetMessageId(InetSocketAddress storeHost, long physicalOffset) {}
