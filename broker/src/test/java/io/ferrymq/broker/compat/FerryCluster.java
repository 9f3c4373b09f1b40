package io.ferrymq.broker.compat;

import static org.awaitility.Awaitility.await;

import io.ferrymq.broker.Broker;
import io.ferrymq.broker.BrokerConfig;
import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** FerryMQ's nameserver and broker in this JVM, on loopback and ephemeral ports, over a temp store. */
final class FerryCluster implements AutoCloseable {
    private final NameServer nameServer;
    private final Path store;
    private final Properties overrides;
    private Broker broker;

    private FerryCluster(NameServer nameServer, Path store, Properties overrides) {
        this.nameServer = nameServer;
        this.store = store;
        this.overrides = overrides;
    }

    static FerryCluster start(Path store, String... overrides) throws IOException {
        NameServer nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        Properties properties = new Properties();
        for (int i = 0; i < overrides.length; i += 2) {
            properties.setProperty(overrides[i], overrides[i + 1]);
        }
        FerryCluster cluster = new FerryCluster(nameServer, store, properties);
        cluster.startBroker();
        return cluster;
    }

    String namesrvAddr() {
        return "127.0.0.1:" + nameServer.port();
    }

    Broker broker() {
        return broker;
    }

    /**
     * Waits until the nameserver has a route for {@code topic}: a client that looks the topic up before
     * the broker registered it would not ask again for 30 s.
     */
    void awaitRoute(String topic) {
        try (RemotingClient probe = new RemotingClient(ClientConfig.defaults())) {
            await("route of " + topic)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> probe.invokeSync(
                                            namesrvAddr(),
                                            RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                                                    .putExtField("topic", topic),
                                            3000)
                                    .code()
                            == ResponseCode.SUCCESS);
        }
    }

    /** Starts the broker (again) on the same store and the same port when it had one. */
    void startBroker() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("listenPort", broker == null ? "0" : Integer.toString(broker.port()));
        properties.setProperty("bindAddress", "127.0.0.1");
        properties.setProperty("brokerIP1", "127.0.0.1");
        properties.setProperty("namesrvAddr", namesrvAddr());
        properties.setProperty("storePathRootDir", store.toString());
        properties.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
        properties.setProperty("autoCreateTopicEnable", "true");
        properties.putAll(overrides);
        broker = Broker.start(BrokerConfig.fromProperties(properties, Map.of()));
    }

    void stopBroker() {
        broker.close();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        nameServer.stop();
    }
}
