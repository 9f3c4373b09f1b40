package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of SEARCH_OFFSET_BY_TIMESTAMP (29); {@code boundaryType} (5.x) defaults to {@link
 * BoundaryType#LOWER} when absent. Immutable; absent optional fields are null.
 */
public record SearchOffsetRequestHeader(
        @Required String topic, int queueId, long timestamp, BoundaryType boundaryType, String bname) {}
