package io.ferrymq.client.it;

import java.nio.file.Path;

/** {@link AdminContract} against FerryMQ's own nameserver and broker. */
class AdminOnFerryIT extends AdminContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return FerryClusterFixture.start(dir);
    }
}
