package io.ferrymq.client.it;

import static org.awaitility.Awaitility.await;

import io.ferrymq.broker.Broker;
import io.ferrymq.broker.BrokerConfig;
import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * FerryMQ's own nameserver and broker in this JVM, on loopback and ephemeral ports, over a temp store,
 * with topic auto-creation on. Returns once the broker's TBW102 route is on the nameserver.
 */
final class FerryClusterFixture implements ClusterFixture {
    private static final String CLUSTER = "FerryClientIT";
    private static final String BROKER = "broker-a";

    private final NameServer nameServer;
    private final String namesrvAddr;
    private Broker broker;

    private FerryClusterFixture() {
        nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        namesrvAddr = "127.0.0.1:" + nameServer.port();
    }

    static FerryClusterFixture start(Path workDir) throws Exception {
        return start(workDir, new String[0]);
    }

    /** With broker config {@code overrides} as key, value pairs. */
    static FerryClusterFixture start(Path workDir, String... overrides) throws Exception {
        FerryClusterFixture fixture = new FerryClusterFixture();
        try {
            Properties properties = fixture.brokerProperties(workDir);
            for (int i = 0; i + 1 < overrides.length; i += 2) {
                properties.setProperty(overrides[i], overrides[i + 1]);
            }
            fixture.broker = Broker.start(BrokerConfig.fromProperties(properties, Map.of()));
            fixture.awaitRoute("TBW102");
            return fixture;
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
    }

    private Properties brokerProperties(Path workDir) {
        Properties properties = new Properties();
        properties.setProperty("brokerClusterName", CLUSTER);
        properties.setProperty("brokerName", BROKER);
        properties.setProperty("listenPort", "0");
        properties.setProperty("bindAddress", "127.0.0.1");
        properties.setProperty("brokerIP1", "127.0.0.1");
        properties.setProperty("namesrvAddr", namesrvAddr);
        properties.setProperty("storePathRootDir", workDir.resolve("store").toString());
        properties.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
        properties.setProperty("autoCreateTopicEnable", "true");
        return properties;
    }

    @Override
    public void awaitRoute(String topic) {
        try (RemotingClient probe = new RemotingClient(ClientConfig.defaults())) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> routesToBroker(probe, topic));
        }
    }

    private boolean routesToBroker(RemotingClient probe, String topic) throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC);
        request.extFields(new HashMap<>());
        HeaderBinding.encodeInto(request, new GetRouteInfoRequestHeader(topic, null));
        RemotingCommand response = probe.invokeSync(namesrvAddr, request, 3000);
        if (response.code() != ResponseCode.SUCCESS) {
            return false;
        }
        TopicRouteData route = JsonBodyCodec.decode(response.body(), TopicRouteData.class);
        return route.brokerDatas().stream().anyMatch(b -> b.brokerAddrs().containsValue(brokerAddr()));
    }

    @Override
    public String namesrvAddr() {
        return namesrvAddr;
    }

    @Override
    public String clusterName() {
        return CLUSTER;
    }

    @Override
    public String brokerName() {
        return BROKER;
    }

    @Override
    public String brokerAddr() {
        return broker.advertisedAddress();
    }

    @Override
    public void close() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            nameServer.stop();
        }
    }
}
