package io.ferrymq.dlq;

import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.consumequeue.MessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Child JVM for {@link ReplayKillTest}: opens the store under SYNC_FLUSH, says "ready" and replays the
 * dead letters {@code ID-0 .. ID-<count-1>} of {@link DlqFixture#GROUP} to their original topic at the
 * given rate until it is killed.
 */
public final class ReplayKillMain {
    /** Never counted down: this JVM runs until the test kills it. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private ReplayKillMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        MessageStore store = MessageStore.open(
                DlqFixture.config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH), Clock.systemUTC(), dir -> 0.1);
        DeadLetterOffice office = DeadLetterOffice.start(store, Clock.systemUTC());
        List<String> ids = ReplayKillTest.ids(count);
        System.out.println("ready");
        System.out.flush();
        office.replay(DlqFixture.GROUP, ids, ReplayTarget.ORIGINAL_TOPIC, rate, topic -> 2);
        System.out.println("done");
        System.out.flush();
        NEVER.await();
    }
}
