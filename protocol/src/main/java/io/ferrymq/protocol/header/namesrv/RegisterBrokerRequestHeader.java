package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/**
 * REGISTER_BROKER (103) request header. Immutable.
 *
 * @param brokerId 0 = master, 1 and up = slave
 * @param heartbeatTimeoutMillis overrides the nameserver's 120 s expiry for this broker; optional
 * @param compressed true: the body is in the deflated layout; absent means false
 * @param bodyCrc32 CRC32 of the body as a signed int; 0 or absent skips the check
 */
public record RegisterBrokerRequestHeader(
        @Required String brokerName,
        @Required String brokerAddr,
        @Required String clusterName,
        @Required String haServerAddr,
        long brokerId,
        Long heartbeatTimeoutMillis,
        Boolean enableActingMaster,
        Boolean compressed,
        Integer bodyCrc32) {}
