package io.ferrymq.nameserver.internal;

/** Identifies one live broker process: its cluster and the address clients use. Immutable. */
public record BrokerKey(String clusterName, String brokerAddr) {}
