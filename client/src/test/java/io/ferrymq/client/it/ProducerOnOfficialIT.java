package io.ferrymq.client.it;

import java.nio.file.Path;

/** {@link ProducerContract} against the official Apache RocketMQ 5.5.0 broker. */
class ProducerOnOfficialIT extends ProducerContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return OfficialClusterFixture.start(dir);
    }
}
