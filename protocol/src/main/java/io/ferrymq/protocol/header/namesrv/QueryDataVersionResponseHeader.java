package io.ferrymq.protocol.header.namesrv;

/**
 * QUERY_DATA_VERSION (322) response header: whether the broker's version differs from the one on
 * record (the broker then re-registers). Immutable.
 */
public record QueryDataVersionResponseHeader(Boolean changed) {}
