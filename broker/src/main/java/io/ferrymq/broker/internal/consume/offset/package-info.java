/**
 * Consumer offsets (RocksDB family {@code offsets}) and the queue-metadata requests a consumer makes
 * before and while pulling: QUERY/UPDATE_CONSUMER_OFFSET, GET_MAX/MIN_OFFSET,
 * SEARCH_OFFSET_BY_TIMESTAMP, GET_EARLIEST_MSG_STORETIME, GET_ALL_CONSUMER_OFFSET.
 */
package io.ferrymq.broker.internal.consume.offset;
