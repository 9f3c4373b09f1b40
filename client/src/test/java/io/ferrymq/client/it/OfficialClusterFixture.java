package io.ferrymq.client.it;

import static org.awaitility.Awaitility.await;

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
import io.ferrymq.testkit.official.OfficialBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

/**
 * FerryMQ's nameserver in this JVM and the official Apache RocketMQ 5.5.0 broker in a child JVM,
 * registered with it. Waiting for the registration uses FerryMQ's own remoting client.
 */
final class OfficialClusterFixture implements ClusterFixture, OfficialBroker.RegistrationProbe {
    private static final String CLUSTER = "FerryClientIT";
    private static final String BROKER = "broker-a";
    private static final int UPDATE_BROKER_CONFIG = 25;

    private final NameServer nameServer;
    private final String namesrvAddr;
    private final RemotingClient probe = new RemotingClient(ClientConfig.defaults());
    private OfficialBroker broker;

    private OfficialClusterFixture() {
        nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        namesrvAddr = "127.0.0.1:" + nameServer.port();
    }

    static OfficialClusterFixture start(Path workDir) throws Exception {
        OfficialClusterFixture fixture = new OfficialClusterFixture();
        try {
            fixture.broker = OfficialBroker.start(CLUSTER, BROKER, fixture.namesrvAddr, workDir);
            fixture.broker.awaitRegistered(fixture, Duration.ofSeconds(30));
            return fixture;
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
    }

    @Override
    public boolean routeHasBroker(String topic, String brokerAddr) throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC);
        request.extFields(new HashMap<>());
        HeaderBinding.encodeInto(request, new GetRouteInfoRequestHeader(topic, null));
        RemotingCommand response = probe.invokeSync(namesrvAddr, request, 3000);
        if (response.code() != ResponseCode.SUCCESS) {
            return false;
        }
        TopicRouteData route = JsonBodyCodec.decode(response.body(), TopicRouteData.class);
        return route.brokerDatas().stream().anyMatch(b -> b.brokerAddrs().containsValue(brokerAddr));
    }

    @Override
    public void nudgeRegistration(String brokerAddr) throws Exception {
        RemotingCommand request = RemotingCommand.request(UPDATE_BROKER_CONFIG);
        request.extFields(new HashMap<>());
        request.body("brokerPermission=6\n".getBytes(StandardCharsets.UTF_8));
        probe.invokeSync(brokerAddr, request, 5000);
    }

    /**
     * Waits for {@code topic}'s route, asking the broker to register again every 2 s: the broker reports
     * an auto-created topic in the background, and a refused registration (as FerryMQ's nameserver did
     * to about half of them before 8d24fef, "crc32 not match") would otherwise leave it unrouted until
     * the next 30 s registration.
     */
    @Override
    public void awaitRoute(String topic) {
        long[] nextNudgeAt = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (routeHasBroker(topic, brokerAddr())) {
                        return true;
                    }
                    if (System.nanoTime() > nextNudgeAt[0]) {
                        nudgeRegistration(brokerAddr());
                        nextNudgeAt[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                    }
                    return false;
                });
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
        return broker.address();
    }

    @Override
    public void close() throws Exception {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            probe.close();
            nameServer.stop();
        }
    }
}
