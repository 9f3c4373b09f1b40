package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncFlushTest {
    @TempDir
    Path root;

    private TestStore t;

    @AfterEach
    void close() throws Exception {
        t.close();
    }

    @Test
    void appendCompletesAtOnceAndTheAgentForcesOnItsInterval() throws Exception {
        t = TestStore.open(root, FlushDiskType.ASYNC_FLUSH, false);
        var agent = t.log.agents().asyncFlush();

        var future = t.log.append(MessageSource.text("t", 0, "a"));
        assertThat(future).isCompletedWithValueMatching(r -> r.status() == AppendStatus.OK);
        assertThat(t.log.flushedOffset()).isZero();

        assertThat(agent.doWork()).isZero();
        t.clock.advanceMs(99);
        assertThat(agent.doWork()).isZero();
        assertThat(t.forces.get()).isZero();

        t.clock.advanceMs(1);
        assertThat(agent.doWork()).isEqualTo(1);
        assertThat(t.forces.get()).isEqualTo(1);
        assertThat(t.log.flushedOffset()).isEqualTo(t.log.writtenOffset());
        assertThat(t.store.checkpoint().commitLogFlushedOffset()).isEqualTo(t.log.writtenOffset());
        assertThat(StoreCheckpoint.load(root.resolve("checkpoint")).commitLogFlushedOffset())
                .isEqualTo(t.log.writtenOffset());

        t.clock.advanceMs(100);
        assertThat(agent.doWork()).as("nothing new to force").isZero();
        assertThat(t.forces.get()).isEqualTo(1);
    }

    @Test
    void aForceAcrossARollCoversBothSegments() throws Exception {
        t = TestStore.open(root, FlushDiskType.ASYNC_FLUSH, false);
        t.append(MessageSource.ofSize("t", 0, TestStore.SEGMENT - 1000, new java.util.Random(1)));
        t.append(MessageSource.ofSize("t", 0, 2000, new java.util.Random(2)));
        t.clock.advanceMs(100);
        t.log.agents().asyncFlush().doWork();
        assertThat(t.forces.get()).isEqualTo(2);
        assertThat(t.log.flushedOffset()).isEqualTo(TestStore.SEGMENT + 2000);
    }
}
