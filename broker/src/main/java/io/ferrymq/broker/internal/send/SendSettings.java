package io.ferrymq.broker.internal.send;

/**
 * What the send path needs from the broker's config. Immutable.
 *
 * @param maxMessageSize largest body (or batch body) accepted, bytes
 * @param brokerPermission the broker's perm bits; without write, every send gets NO_PERMISSION
 * @param regionId written as MSG_REGION into stored messages and send responses
 * @param traceOn written as TRACE_ON into stored messages and send responses
 */
public record SendSettings(
        String clusterName,
        String brokerName,
        String regionId,
        boolean traceOn,
        int maxMessageSize,
        int brokerPermission,
        StoreHost storeHost) {}
