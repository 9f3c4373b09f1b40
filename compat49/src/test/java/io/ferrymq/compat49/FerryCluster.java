package io.ferrymq.compat49;

import io.ferrymq.broker.Broker;
import io.ferrymq.broker.BrokerConfig;
import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** FerryMQ's nameserver and one broker in this JVM, on loopback and ephemeral ports, topics auto-created. */
final class FerryCluster implements AutoCloseable {
    static {
        // the 4.9 client logs to ~/logs/rocketmqlogs through its own logger unless told to use SLF4J
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private final NameServer nameServer;
    private final Broker broker;

    private FerryCluster(NameServer nameServer, Broker broker) {
        this.nameServer = nameServer;
        this.broker = broker;
    }

    static FerryCluster start(Path dir, String clusterName, String brokerName) throws IOException {
        NameServer nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        try {
            Properties properties = new Properties();
            properties.setProperty("brokerClusterName", clusterName);
            properties.setProperty("brokerName", brokerName);
            properties.setProperty("listenPort", "0");
            properties.setProperty("bindAddress", "127.0.0.1");
            properties.setProperty("brokerIP1", "127.0.0.1");
            properties.setProperty("namesrvAddr", "127.0.0.1:" + nameServer.port());
            properties.setProperty("storePathRootDir", dir.resolve("store").toString());
            properties.setProperty("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
            properties.setProperty("autoCreateTopicEnable", "true");
            return new FerryCluster(nameServer, Broker.start(BrokerConfig.fromProperties(properties, Map.of())));
        } catch (IOException | RuntimeException e) {
            nameServer.stop();
            throw e;
        }
    }

    String namesrvAddr() {
        return "127.0.0.1:" + nameServer.port();
    }

    Broker broker() {
        return broker;
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            nameServer.stop();
        }
    }
}
