package io.ferrymq.client.internal.admin;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.RouteTable;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.ClusterInfo;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where admin calls go: the nameserver's cluster info and fresh topic routes, a cluster's masters, a
 * queue's master and an address's broker name. Thread-safe.
 */
public final class BrokerDirectory {
    private final Rpc rpc;
    private final RouteTable routes;
    private final long timeoutMs;

    public BrokerDirectory(Rpc rpc, RouteTable routes, long timeoutMs) {
        this.rpc = rpc;
        this.routes = routes;
        this.timeoutMs = timeoutMs;
    }

    /** GET_BROKER_CLUSTER_INFO from a nameserver, the next one if one does not answer. */
    public ClusterInfo clusterInfo() {
        return routes.askNameserver(addr -> {
            RemotingCommand request = Rpc.request(RequestCode.GET_BROKER_CLUSTER_INFO, null);
            return JsonBodyCodec.decode(rpc.callOk(addr, request, timeoutMs).body(), ClusterInfo.class);
        });
    }

    /** Every nameserver's address. */
    public List<String> namesrvAddrs() {
        return routes.namesrvAddrs();
    }

    /** {@code topic}'s route, fresh from the nameserver; TOPIC_NOT_EXIST when it has none. */
    public TopicRouteData route(String topic) {
        return routes.refresh(topic)
                .orElseThrow(() -> new ClientException(ResponseCode.TOPIC_NOT_EXIST, "no route for topic " + topic));
    }

    /** The master addresses of {@code cluster}'s broker groups. */
    public List<String> masters(String cluster) {
        return masters(clusterInfo(), cluster);
    }

    static List<String> masters(ClusterInfo info, String cluster) {
        Set<String> names = info.clusterAddrTable().get(cluster);
        if (names == null || names.isEmpty()) {
            throw new ClientException("cluster " + cluster + " is unknown to the nameserver");
        }
        List<String> addrs = new ArrayList<>();
        for (String name : names) {
            BrokerData broker = info.brokerAddrTable().get(name);
            if (broker != null && broker.masterAddr() != null) {
                addrs.add(broker.masterAddr());
            }
        }
        return addrs;
    }

    /** The master of {@code queue}'s broker: from cached routes, a refreshed route, then cluster info. */
    public String masterOf(MessageQueue queue) {
        String addr = routes.masterAddr(queue.brokerName());
        if (addr == null) {
            routes.refresh(queue.topic());
            addr = routes.masterAddr(queue.brokerName());
        }
        if (addr == null) {
            BrokerData broker = clusterInfo().brokerAddrTable().get(queue.brokerName());
            addr = broker == null ? null : broker.masterAddr();
        }
        if (addr == null) {
            throw new ClientException("no master address known for broker " + queue.brokerName());
        }
        return addr;
    }

    /** The name of the broker group {@code addr} belongs to, or {@code addr} itself when none does. */
    public String brokerNameOf(String addr) {
        return brokerNameOf(clusterInfo(), addr);
    }

    static String brokerNameOf(ClusterInfo info, String addr) {
        for (BrokerData broker : info.brokerAddrTable().values()) {
            if (broker.brokerAddrs().containsValue(addr)) {
                return broker.brokerName();
            }
        }
        return addr;
    }
}
