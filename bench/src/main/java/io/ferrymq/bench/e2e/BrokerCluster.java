package io.ferrymq.bench.e2e;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A nameserver and a broker in two processes on loopback, of one product, with the same heap and the
 * same store settings as the other product's. ASYNC_FLUSH, 1 GiB commit-log segments, auto-create on.
 */
final class BrokerCluster implements AutoCloseable {
    static final List<String> SERVER_HEAP = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    static final List<String> NAMESRV_HEAP = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC");

    private final ServerProcess nameserver;
    private final ServerProcess broker;
    private final String namesrvAddr;
    private final String brokerAddr;

    private BrokerCluster(ServerProcess nameserver, ServerProcess broker, String namesrvAddr, String brokerAddr) {
        this.nameserver = nameserver;
        this.broker = broker;
        this.namesrvAddr = namesrvAddr;
        this.brokerAddr = brokerAddr;
    }

    String brokerAddr() {
        return brokerAddr;
    }

    String namesrvAddr() {
        return namesrvAddr;
    }

    /**
     * Waits until the nameserver routes TBW102 to the broker. An Apache broker may skip its first
     * registration and retry only 10 s later; UPDATE_BROKER_CONFIG with an unchanged permission makes
     * it register at once (FerryMQ's broker registers at start and ignores the nudge).
     */
    void awaitRegistered(String brokerAddr, long timeoutMs) throws Exception {
        try (RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            long nextNudge = System.currentTimeMillis() + 500;
            while (System.currentTimeMillis() < deadline) {
                RemotingCommand route = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .putExtField("topic", "TBW102");
                if (client.invokeSync(namesrvAddr, route, 3000).code() == ResponseCode.SUCCESS) {
                    return;
                }
                if (System.currentTimeMillis() > nextNudge) {
                    RemotingCommand nudge = RemotingCommand.request(25)
                            .body("brokerPermission=6\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    client.invokeSync(brokerAddr, nudge, 3000);
                    nextNudge = System.currentTimeMillis() + 2000;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("broker " + brokerAddr + " did not register with " + namesrvAddr);
    }

    ServerProcess broker() {
        return broker;
    }

    /**
     * FerryMQ's servers as a user runs them: through {@code bin/mqnamesrv} and {@code bin/mqbroker} of the
     * FerryMQ at {@code home}, with the launchers' own JVM defaults and {@code JAVA_OPTS} the same heap as
     * RocketMQ gets.
     */
    static BrokerCluster ferry(Path home, Path dir) throws Exception {
        int namesrvPort = freePort();
        int brokerPort = freePort();
        Path namesrvConf = write(
                dir.resolve("namesrv.conf"),
                Map.of("listenPort", Integer.toString(namesrvPort), "listenAddress", "127.0.0.1"));
        ServerProcess nameserver = ServerProcess.launch(
                "ferry-namesrv",
                List.of(home.resolve("bin/mqnamesrv").toString(), "-c", namesrvConf.toString()),
                launcherEnvironment(NAMESRV_HEAP, dir),
                dir);
        nameserver.awaitListening(namesrvPort, 30_000);
        String namesrvAddr = "127.0.0.1:" + namesrvPort;
        Path brokerConf = write(
                dir.resolve("broker.conf"),
                Map.of(
                        "listenPort", Integer.toString(brokerPort),
                        "bindAddress", "127.0.0.1",
                        "brokerIP1", "127.0.0.1",
                        "storePathRootDir", dir.resolve("store").toString(),
                        "autoCreateTopicEnable", "true",
                        "flushDiskType", "ASYNC_FLUSH"));
        ServerProcess broker = ServerProcess.launch(
                "ferry-broker",
                List.of(home.resolve("bin/mqbroker").toString(), "-c", brokerConf.toString(), "-n", namesrvAddr),
                launcherEnvironment(SERVER_HEAP, dir),
                dir);
        broker.awaitListening(brokerPort, 60_000);
        return new BrokerCluster(nameserver, broker, namesrvAddr, "127.0.0.1:" + brokerPort);
    }

    static BrokerCluster rocketmq(String classpath, List<String> rocketFlags, Path dir) throws Exception {
        int namesrvPort = freePort();
        int brokerPort = freePort();
        Path namesrvConf = write(
                dir.resolve("namesrv.conf"),
                Map.of("listenPort", Integer.toString(namesrvPort), "rocketmqHome", dir.toString()));
        ServerProcess nameserver = ServerProcess.start(
                "rocketmq-namesrv",
                classpath,
                concat(concat(NAMESRV_HEAP, rocketFlags), List.of("-Duser.home=" + dir)), // its logs: dir/logs
                "org.apache.rocketmq.namesrv.NamesrvStartup",
                List.of("-c", namesrvConf.toString()),
                dir);
        nameserver.awaitListening(namesrvPort, 30_000);
        String namesrvAddr = "127.0.0.1:" + namesrvPort;
        Path brokerConf = write(
                dir.resolve("broker.conf"),
                Map.ofEntries(
                        Map.entry("brokerClusterName", "DefaultCluster"),
                        Map.entry("brokerName", "broker-a"),
                        Map.entry("brokerId", "0"),
                        Map.entry("rocketmqHome", dir.toString()),
                        Map.entry("listenPort", Integer.toString(brokerPort)),
                        Map.entry("haListenPort", Integer.toString(freePort())),
                        Map.entry("bindAddress", "127.0.0.1"),
                        Map.entry("brokerIP1", "127.0.0.1"),
                        Map.entry("brokerIP2", "127.0.0.1"),
                        Map.entry("storePathRootDir", dir.resolve("store").toString()),
                        Map.entry(
                                "storePathCommitLog",
                                dir.resolve("store/commitlog").toString()),
                        Map.entry("autoCreateTopicEnable", "true"),
                        Map.entry("flushDiskType", "ASYNC_FLUSH"),
                        Map.entry("brokerRole", "ASYNC_MASTER")));
        ServerProcess broker = ServerProcess.start(
                "rocketmq-broker",
                classpath,
                // RocksDB copies its native library to a temp file it deletes only on a clean exit: keep it in dir
                concat(
                        concat(SERVER_HEAP, rocketFlags),
                        List.of(
                                "-Dtls.server.mode=disabled",
                                "-Duser.home=" + dir, // its logs go under ${user.home}/logs
                                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")))),
                "org.apache.rocketmq.broker.BrokerStartup",
                List.of("-c", brokerConf.toString(), "-n", namesrvAddr),
                dir);
        broker.awaitListening(brokerPort, 60_000);
        return new BrokerCluster(nameserver, broker, namesrvAddr, "127.0.0.1:" + brokerPort);
    }

    private static Map<String, String> launcherEnvironment(List<String> heap, Path dir) {
        return Map.of("JAVA_OPTS", String.join(" ", heap), "FERRYMQ_LOG_DIR", dir.toString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Path write(Path file, Map<String, String> properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        broker.close();
        nameserver.close();
    }
}
