package io.ferrymq.scheduler;

import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.consumequeue.MessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Child JVM for {@link TimerCrashTest}: opens the store under SYNC_FLUSH, starts {@link
 * DelayedDelivery} on the system clock, says "ready" and lets timers fire until it is killed.
 */
public final class TimerCrashMain {
    /** Never counted down: this JVM runs until the test kills it. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private TimerCrashMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        MessageStore store = MessageStore.open(
                SchedulerFixture.config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH),
                Clock.systemUTC(),
                dir -> 0.1);
        DelayedDelivery.start(store, TimerConfig.defaults(), Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        NEVER.await();
    }
}
