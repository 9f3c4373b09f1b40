package io.ferrymq.broker.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson2.JSON;
import io.ferrymq.broker.internal.consume.lock.QueueLockTable;
import io.ferrymq.broker.internal.consume.wire.MessageQueueJson;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue locks: conflicts, refresh, expiry after 60 s, unlock; and LOCK/UNLOCK_BATCH_MQ on the wire. */
class LockTest {
    private static final MessageQueueJson Q0 = new MessageQueueJson("T", "broker-a", 0);
    private static final MessageQueueJson Q1 = new MessageQueueJson("T", "broker-a", 1);

    @TempDir
    Path dir;

    final ManualClock clock = ManualClock.startingAtFixedInstant();
    final QueueLockTable locks = new QueueLockTable(clock);

    @Test
    void anotherClientIsRefusedUntilTheLockExpires() {
        assertThat(locks.lock("g", "A", List.of(Q0, Q1))).containsExactly(Q0, Q1);
        assertThat(locks.lock("g", "B", List.of(Q0, Q1))).isEmpty();
        assertThat(locks.lock("other", "B", List.of(Q0))).as("per group").containsExactly(Q0);

        clock.advanceMs(60_000);
        assertThat(locks.lock("g", "B", List.of(Q0))).as("60 s is still live").isEmpty();
        clock.advanceMs(1);
        assertThat(locks.lock("g", "B", List.of(Q0))).containsExactly(Q0);
        assertThat(locks.holder("g", "T", 0)).isEqualTo("B");
    }

    @Test
    void relockingRefreshesAndUnlockReleasesOnlyOwnLocks() {
        locks.lock("g", "A", List.of(Q0));
        clock.advanceMs(50_000);
        assertThat(locks.lock("g", "A", List.of(Q0))).containsExactly(Q0);
        clock.advanceMs(50_000);
        assertThat(locks.lock("g", "B", List.of(Q0))).as("refreshed 50 s ago").isEmpty();

        locks.unlock("g", "B", List.of(Q0));
        assertThat(locks.holder("g", "T", 0)).isEqualTo("A");
        locks.unlock("g", "A", List.of(Q0));
        assertThat(locks.holder("g", "T", 0)).isNull();
        assertThat(locks.lock("g", "B", List.of(Q0))).containsExactly(Q0);
    }

    @Test
    void lockAndUnlockOverTheWire() throws Exception {
        try (ConsumeFixture broker = new ConsumeFixture(dir)) {
            String body =
                    "{\"clientId\":\"A\",\"consumerGroup\":\"g\",\"mqSet\":[{\"brokerName\":\"broker-a\",\"queueId\":3,"
                            + "\"topic\":\"T\"}],\"onlyThisBroker\":false}";
            RemotingCommand lock = broker.call(
                    RemotingCommand.request(RequestCode.LOCK_BATCH_MQ).body(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(lock.code()).isEqualTo(ResponseCode.SUCCESS);
            var locked = JSON.parseObject(lock.body()).getJSONArray("lockOKMQSet");
            assertThat(locked).hasSize(1);
            assertThat(locked.getJSONObject(0).getIntValue("queueId")).isEqualTo(3);
            assertThat(locked.getJSONObject(0).getString("brokerName")).isEqualTo("broker-a");

            String other = body.replace("\"A\"", "\"B\"");
            RemotingCommand refused = broker.call(
                    RemotingCommand.request(RequestCode.LOCK_BATCH_MQ).body(other.getBytes(StandardCharsets.UTF_8)));
            assertThat(JSON.parseObject(refused.body()).getJSONArray("lockOKMQSet"))
                    .isEmpty();

            RemotingCommand unlock = broker.call(
                    RemotingCommand.request(RequestCode.UNLOCK_BATCH_MQ).body(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(unlock.code()).isEqualTo(ResponseCode.SUCCESS);
            RemotingCommand now = broker.call(
                    RemotingCommand.request(RequestCode.LOCK_BATCH_MQ).body(other.getBytes(StandardCharsets.UTF_8)));
            assertThat(JSON.parseObject(now.body()).getJSONArray("lockOKMQSet")).hasSize(1);
        }
    }
}
