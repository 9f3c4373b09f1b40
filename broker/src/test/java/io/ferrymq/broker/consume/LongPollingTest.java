package io.ferrymq.broker.consume;

import static io.ferrymq.broker.consume.Requests.SUBSCRIPTION;
import static io.ferrymq.broker.consume.Requests.SUSPEND;
import static io.ferrymq.broker.consume.Requests.pull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullResponseHeaderCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Held pulls: woken by their queue's messages, answered 19 at the suspend timeout (manual clock). */
class LongPollingTest {
    @TempDir
    Path dir;

    ConsumeFixture broker;

    @BeforeEach
    void setUp() throws Exception {
        broker = new ConsumeFixture(dir);
        broker.createTopic("T", 8);
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.close();
    }

    private CompletableFuture<RemotingCommand> held(int queueId, long offset, String expression) {
        return broker.callAsync(pull("cg", "T", queueId, offset, SUSPEND | SUBSCRIPTION, expression), 30_000);
    }

    private void awaitHeld(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.side.heldPullCount() == count);
    }

    @Test
    void heldPullIsAnsweredWhenAMessageArrives() throws Exception {
        CompletableFuture<RemotingCommand> pending = held(0, 0, "*");
        awaitHeld(1);
        assertThat(pending).isNotDone();

        broker.put("T", 0, "hello");

        RemotingCommand response = pending.get(5, TimeUnit.SECONDS);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(response.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("hello");
        assertThat(broker.side.heldPullCount()).isZero();
    }

    @Test
    void heldPullIsAnsweredNotFoundAtTheSuspendTimeout() throws Exception {
        broker.put("T", 1, "old");
        CompletableFuture<RemotingCommand> pending = held(1, 1, "*");
        awaitHeld(1);

        broker.clock.advanceMs(14_999);
        broker.side.pullHoldAgent().doWork();
        assertThat(broker.side.heldPullCount()).isEqualTo(1);
        assertThat(pending).isNotDone();

        broker.clock.advanceMs(1);
        broker.side.pullHoldAgent().doWork();
        RemotingCommand response = pending.get(5, TimeUnit.SECONDS);
        assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        var header = PullResponseHeaderCodec.INSTANCE.decode(response.extFields());
        assertThat(header.nextBeginOffset()).isEqualTo(1);
        assertThat(header.maxOffset()).isEqualTo(1);
    }

    @Test
    void suspendTimeIsCappedBelowTheClientTimeout() throws Exception {
        CompletableFuture<RemotingCommand> pending =
                broker.callAsync(pull("cg", "T", 0, 0, SUSPEND | SUBSCRIPTION, "*", 60_000, 0), 30_000);
        awaitHeld(1);
        broker.clock.advanceMs(20_000);
        broker.side.pullHoldAgent().doWork();
        assertThat(pending.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
    }

    @Test
    void eachQueueWakesOnlyItsOwnPulls() throws Exception {
        List<CompletableFuture<RemotingCommand>> pending = new ArrayList<>();
        for (int q = 0; q < 8; q++) {
            pending.add(held(q, 0, "*"));
        }
        awaitHeld(8);

        broker.put("T", 3, "for three");

        assertThat(pending.get(3).get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        awaitHeld(7);
        for (int q = 0; q < 8; q++) {
            if (q != 3) {
                assertThat(pending.get(q)).as("queue %d", q).isNotDone();
            }
        }
    }

    @Test
    void aMessageOfAnotherTagDoesNotWakeAFilteredPull() throws Exception {
        CompletableFuture<RemotingCommand> pending = held(2, 0, "TagA");
        awaitHeld(1);
        broker.put("T", 2, "b", "TagB", null, null);
        assertThat(broker.side.heldPullCount()).isEqualTo(1);
        broker.put("T", 2, "a", "TagA", null, null);
        RemotingCommand response = pending.get(5, TimeUnit.SECONDS);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(response.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("a");
    }

    @Test
    void pullWithoutSuspendIsAnsweredAtOnce() throws Exception {
        RemotingCommand response = broker.call(pull("cg", "T", 0, 0, SUBSCRIPTION, "*"));
        assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(broker.side.heldPullCount()).isZero();
    }
}
