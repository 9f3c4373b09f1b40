package io.ferrymq.client.it;

import java.nio.file.Path;

/** {@link PushConsumerContract} against FerryMQ's own nameserver and broker. */
class PushConsumerOnFerryIT extends PushConsumerContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return FerryClusterFixture.start(dir);
    }
}
