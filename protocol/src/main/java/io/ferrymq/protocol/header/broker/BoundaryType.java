package io.ferrymq.protocol.header.broker;

/**
 * Which end of a run of equal store timestamps SEARCH_OFFSET_BY_TIMESTAMP answers with: the first
 * offset whose store time is at or after the timestamp ({@link #LOWER}, the default), or the last at
 * or before it ({@link #UPPER}). Travels by name.
 */
public enum BoundaryType {
    LOWER,
    UPPER
}
