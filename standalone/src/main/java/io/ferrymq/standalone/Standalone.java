package io.ferrymq.standalone;

import io.ferrymq.broker.Broker;
import io.ferrymq.broker.BrokerConfig;
import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A nameserver and a broker registered with it, both on 127.0.0.1, the broker's store under {@code
 * <dataDir>/store} (128 MiB commit log segments), topic auto-creation on. {@link #close()} stops the broker gracefully (it
 * unregisters, flushes and checkpoints), then the nameserver. Thread-safe.
 */
public final class Standalone implements AutoCloseable {
    private final NameServer nameServer;
    private final Broker broker;

    private Standalone(NameServer nameServer, Broker broker) {
        this.nameServer = nameServer;
        this.broker = broker;
    }

    /**
     * Starts both; a port of 0 picks a free one.
     *
     * @throws IOException when the store cannot be opened
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public static Standalone start(Path dataDir, int nameServerPort, int brokerPort) throws IOException {
        Properties namesrv = new Properties();
        namesrv.setProperty("listenAddress", "127.0.0.1");
        namesrv.setProperty("listenPort", Integer.toString(nameServerPort));
        NameServer nameServer = new NameServer(NameServerConfig.fromProperties(namesrv));
        nameServer.start();
        try {
            Broker broker = Broker.start(brokerConfig(dataDir, "127.0.0.1:" + nameServer.port(), brokerPort));
            return new Standalone(nameServer, broker);
        } catch (IOException | RuntimeException e) {
            nameServer.stop();
            throw e;
        }
    }

    static BrokerConfig brokerConfig(Path dataDir, String namesrvAddr, int brokerPort) {
        Properties properties = new Properties();
        properties.setProperty("namesrvAddr", namesrvAddr);
        properties.setProperty("brokerIP1", "127.0.0.1");
        properties.setProperty("bindAddress", "127.0.0.1");
        properties.setProperty("listenPort", Integer.toString(brokerPort));
        properties.setProperty("storePathRootDir", dataDir.resolve("store").toString());
        properties.setProperty("autoCreateTopicEnable", "true");
        // 128 MiB segments: a development store should not claim gigabytes up front
        properties.setProperty("mappedFileSizeCommitLog", Integer.toString(128 * 1024 * 1024));
        return BrokerConfig.fromProperties(properties, Map.of());
    }

    /** {@code 127.0.0.1:port}: what clients put in namesrvAddr. */
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServer.port();
    }

    public Broker broker() {
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
