package io.ferrymq.consumequeue.internal;

/** One entry found by a key-index query: where the record is, its size and store time. */
public record KeyHit(long physicalOffset, int size, long storeTimeMs) {}
