package io.ferrymq.commitlog.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class AgentRunnerTest {
    /** Work is a counter of pending items; a step takes them all. */
    private static final class Counting implements Agent {
        final AtomicInteger pending = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final AtomicLong steps = new AtomicLong();

        @Override
        public int doWork() {
            steps.incrementAndGet();
            int taken = pending.getAndSet(0);
            done.addAndGet(taken);
            return taken;
        }

        @Override
        public String roleName() {
            return "counting";
        }
    }

    private static void awaitDone(Counting agent, long expected, long withinMs) {
        await().atMost(Duration.ofMillis(withinMs))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .untilAsserted(
                        () -> assertThat(agent.done.get()).as("work done").isGreaterThanOrEqualTo(expected));
    }

    /** True while the runner's thread is parked by the runner itself (idle or busy park). */
    private static boolean parked(AgentRunner runner) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> LockSupport.getBlocker(t) == runner);
    }

    @Test
    void plainRunnerStepsAtOnceWhenWoken() throws Exception {
        Counting agent = new Counting();
        try (AgentRunner runner = new AgentRunner(agent, TimeUnit.SECONDS.toNanos(60)).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> parked(runner)); // in its minute-long idle park
            agent.pending.incrementAndGet();
            runner.wake();
            awaitDone(agent, 1, 5_000);
        }
    }

    @Test
    void coalescingRunnerIsWokenFromItsLongParkAndNeverMissesAWake() throws Exception {
        Counting agent = new Counting();
        // idle park of a minute: any work found sooner was found because wake() worked
        try (AgentRunner runner = AgentRunner.coalescing(
                        agent,
                        TimeUnit.MICROSECONDS.toNanos(200),
                        TimeUnit.MILLISECONDS.toNanos(2),
                        TimeUnit.SECONDS.toNanos(60))
                .start()) {
            for (int round = 1; round <= 200; round++) {
                // vary the moment of the wake around the runner's switch to its long park
                Thread.sleep(round % 5);
                agent.pending.incrementAndGet();
                runner.wake();
                awaitDone(agent, round, 5_000);
            }
        }
    }

    @Test
    void coalescingRunnerPollsWhileBusyWithoutBeingWoken() throws Exception {
        Counting agent = new Counting();
        try (AgentRunner runner = AgentRunner.coalescing(
                        agent,
                        TimeUnit.MICROSECONDS.toNanos(500),
                        TimeUnit.SECONDS.toNanos(60),
                        TimeUnit.SECONDS.toNanos(60))
                .start()) {
            agent.pending.incrementAndGet();
            runner.wake();
            awaitDone(agent, 1, 5_000);
            for (int i = 2; i <= 50; i++) {
                agent.pending.incrementAndGet(); // no wake: the busy runner polls
                awaitDone(agent, i, 5_000);
            }
        }
    }

    @Test
    void coalescingRejectsParksThatCannotWork() {
        Counting agent = new Counting();
        assertThatThrownBy(() -> AgentRunner.coalescing(agent, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentRunner.coalescing(agent, 10, 5, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
