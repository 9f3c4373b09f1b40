package io.ferrymq.consumequeue;

/**
 * Which end of a run of equal store times a search by time returns (SEARCH_OFFSET_BY_TIMESTAMP's
 * {@code boundaryType}, wire-protocol §4.5).
 */
public enum BoundaryType {
    /** The first offset whose store time is at or after the timestamp. */
    LOWER,
    /** The last offset whose store time is at or before the timestamp. */
    UPPER
}
