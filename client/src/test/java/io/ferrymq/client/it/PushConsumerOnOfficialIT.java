package io.ferrymq.client.it;

import java.nio.file.Path;

/** {@link PushConsumerContract} against the official Apache RocketMQ 5.5.0 broker. */
class PushConsumerOnOfficialIT extends PushConsumerContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return OfficialClusterFixture.start(dir);
    }
}
