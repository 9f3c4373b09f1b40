package io.ferrymq.client.it;

import java.nio.file.Path;

/** {@link AdminContract} against the official Apache RocketMQ 5.5.0 broker. */
class AdminOnOfficialIT extends AdminContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return OfficialClusterFixture.start(dir);
    }
}
