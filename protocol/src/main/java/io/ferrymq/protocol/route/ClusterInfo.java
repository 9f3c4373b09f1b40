package io.ferrymq.protocol.route;

import java.util.Map;
import java.util.Set;

/**
 * The body of a GET_BROKER_CLUSTER_INFO response: every broker group by name, and the group names of
 * every cluster. {@code {"brokerAddrTable":{"broker-a":{…}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}}.
 * Immutable.
 */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {

    public ClusterInfo {
        brokerAddrTable = brokerAddrTable == null ? Map.of() : Map.copyOf(brokerAddrTable);
        clusterAddrTable = clusterAddrTable == null ? Map.of() : Map.copyOf(clusterAddrTable);
    }
}
