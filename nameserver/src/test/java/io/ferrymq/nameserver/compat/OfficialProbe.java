package io.ferrymq.nameserver.compat;

import io.ferrymq.testkit.official.OfficialBroker;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * Asks a nameserver through the official client's own remoting and decoders, so what it sees is what
 * an Apache RocketMQ client would see.
 */
final class OfficialProbe implements OfficialBroker.RegistrationProbe, AutoCloseable {
    private final String namesrvAddr;
    private final NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());

    OfficialProbe(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
        client.start();
    }

    /** GET_ROUTEINFO_BY_TOPIC; empty when the nameserver answers TOPIC_NOT_EXIST. */
    Optional<TopicRouteData> route(String topic) throws Exception {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = client.invokeSync(
                namesrvAddr, RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header), 3000);
        if (response.getCode() == ResponseCode.TOPIC_NOT_EXIST) {
            return Optional.empty();
        }
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException(
                    "route of " + topic + ": " + response.getCode() + " " + response.getRemark());
        }
        return Optional.of(TopicRouteData.decode(response.getBody(), TopicRouteData.class));
    }

    @Override
    public boolean routeHasBroker(String topic, String brokerAddr) throws Exception {
        return route(topic)
                .map(route -> route.getBrokerDatas().stream()
                        .anyMatch(broker -> broker.getBrokerAddrs().containsValue(brokerAddr)))
                .orElse(false);
    }

    /** GET_BROKER_CLUSTER_INFO: is {@code brokerAddr} registered at all? */
    boolean clusterHasBroker(String brokerAddr) throws Exception {
        RemotingCommand response = client.invokeSync(
                namesrvAddr, RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), 3000);
        ClusterInfo info = ClusterInfo.decode(response.getBody(), ClusterInfo.class);
        return info.getBrokerAddrTable().values().stream()
                .anyMatch(broker -> broker.getBrokerAddrs().containsValue(brokerAddr));
    }

    /** Asks the broker to register again now (UPDATE_BROKER_CONFIG with an unchanged permission). */
    @Override
    public void nudgeRegistration(String brokerAddr) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UPDATE_BROKER_CONFIG, null);
        request.setBody("brokerPermission=6\n".getBytes(StandardCharsets.UTF_8));
        client.invokeSync(brokerAddr, request, 5000);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
