package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.ClusterInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Clusters, their broker groups and addresses. */
@Command(name = "clusterList", description = "list clusters and their brokers")
final class ClusterListCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = options.connect()) {
            ClusterInfo info = admin.clusterInfo();
            System.out.printf("%-20s %-20s %-8s %s%n", "#Cluster", "#Broker", "#BID", "#Addr");
            info.clusterAddrTable()
                    .forEach((cluster, brokers) -> brokers.forEach(name -> {
                        BrokerData broker = info.brokerAddrTable().get(name);
                        if (broker != null) {
                            broker.brokerAddrs()
                                    .forEach((id, addr) ->
                                            System.out.printf("%-20s %-20s %-8s %s%n", cluster, name, id, addr));
                        }
                    }));
        }
        return 0;
    }
}
