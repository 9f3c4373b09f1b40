package io.ferrymq.client.it;

import java.nio.file.Path;

/** {@link ProducerContract} against FerryMQ's own nameserver and broker. */
class ProducerOnFerryIT extends ProducerContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return FerryClusterFixture.start(dir);
    }
}
