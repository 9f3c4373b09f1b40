package io.ferrymq.client.it;

/**
 * The cluster an integration test runs against: a nameserver and one master broker on loopback with
 * topic auto-creation on: {@link FerryClusterFixture} (FerryMQ's own) or {@link OfficialClusterFixture}
 * (Apache RocketMQ 5.5.0). Each {@code …Contract} runs against both through its {@code …OnFerryIT} and
 * {@code …OnOfficialIT} subclasses. Not thread-safe.
 */
interface ClusterFixture extends AutoCloseable {
    String namesrvAddr();

    String clusterName();

    String brokerName();

    String brokerAddr();

    /** Returns once the nameserver routes {@code topic} (just auto-created, say) to the broker. */
    void awaitRoute(String topic);
}
