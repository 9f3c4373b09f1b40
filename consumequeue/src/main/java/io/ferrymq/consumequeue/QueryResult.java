package io.ferrymq.consumequeue;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The answer to a query by key: matching records as read-only views (oldest first), whether more
 * matched than were returned, and how far the index was built (QUERY_MESSAGE's
 * {@code indexLastUpdatePhyoffset}). Immutable.
 */
public record QueryResult(List<ByteBuffer> messages, boolean truncated, long indexedOffset) {}
