package io.ferrymq.client.it;

import java.nio.file.Path;

/**
 * The cluster an integration test runs against: a nameserver and one master broker on loopback with
 * topic auto-creation on. The one place that knows which broker it is; swap the implementation to run
 * the same tests against another broker. Not thread-safe.
 */
interface ClusterFixture extends AutoCloseable {
    String namesrvAddr();

    String clusterName();

    String brokerName();

    String brokerAddr();

    /** Starts the cluster the suite runs against: the official RocketMQ broker unless told otherwise. */
    static ClusterFixture start(Path workDir) throws Exception {
        return OfficialClusterFixture.start(workDir);
    }
}
