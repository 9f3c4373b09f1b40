package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemoteChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds registrations for tests: cluster "DefaultCluster", master unless told, 120 s timeout. */
public final class Registrations {
    private String cluster = "DefaultCluster";
    private String brokerName = "broker-a";
    private String addr = "127.0.0.2:20911";
    private long brokerId;
    private String haAddr = "192.0.2.2:20912";
    private long timeoutMs = BrokerRegistration.DEFAULT_TIMEOUT_MS;
    private Boolean actingMaster = false;
    private DataVersion version = new DataVersion(0, 1_000, 0);
    private final Map<String, TopicConfig> topics = new LinkedHashMap<>();
    private RemoteChannel channel;

    public static Registrations broker(String brokerName, String addr) {
        Registrations r = new Registrations();
        r.brokerName = brokerName;
        r.addr = addr;
        return r;
    }

    public Registrations cluster(String value) {
        cluster = value;
        return this;
    }

    public Registrations id(long value) {
        brokerId = value;
        return this;
    }

    public Registrations ha(String value) {
        haAddr = value;
        return this;
    }

    public Registrations timeoutMs(long value) {
        timeoutMs = value;
        return this;
    }

    public Registrations actingMaster(Boolean value) {
        actingMaster = value;
        return this;
    }

    public Registrations version(long counter) {
        version = new DataVersion(version.stateVersion(), version.timestamp(), counter);
        return this;
    }

    public Registrations stateVersion(long value) {
        version = new DataVersion(value, version.timestamp(), version.counter());
        return this;
    }

    public Registrations topic(String name, int queues, int perm) {
        topics.put(name, TopicConfig.of(name, queues, queues, perm));
        return this;
    }

    public Registrations topic(TopicConfig config) {
        topics.put(config.topicName(), config);
        return this;
    }

    /** The two topics every test broker starts with besides its own. */
    public Registrations defaults() {
        return topic("TBW102", 8, 7).topic("SELF_TEST_TOPIC", 1, 6);
    }

    public Registrations channel(RemoteChannel value) {
        channel = value;
        return this;
    }

    public BrokerRegistration build() {
        return new BrokerRegistration(
                cluster, addr, brokerName, brokerId, haAddr, null, timeoutMs, actingMaster, version, topics, channel);
    }
}
