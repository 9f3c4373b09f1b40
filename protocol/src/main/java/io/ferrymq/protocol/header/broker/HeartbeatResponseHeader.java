package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.WireName;

/**
 * The response header of HEART_BEAT as Apache 5.x fills it; 4.9 and default 5.x clients ignore it.
 * Immutable; absent optional fields are null.
 */
public record HeartbeatResponseHeader(
        @WireName("IS_SUPPORT_HEART_BEAT_V2") Boolean supportHeartbeatV2,
        @WireName("IS_SUB_CHANGE") Boolean subscriptionChanged) {}
