package io.ferrymq.transaction;

import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.consumequeue.MessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Child JVM for {@link TransactionCrashTest}: opens the store under SYNC_FLUSH, starts the transaction
 * coordinator on the system clock, says "ready", then sends halves and ends them without waiting
 * (commit unless the number is a multiple of 3 plus 2), printing each settled outcome, until it is
 * killed.
 */
public final class TransactionCrashMain {
    private TransactionCrashMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String round = args[1];
        MessageStore store = MessageStore.open(
                TxFixture.config(root).withFlushDiskType(FlushDiskType.SYNC_FLUSH), Clock.systemUTC(), dir -> 0.1);
        TransactionCoordinator tx = TransactionCoordinator.start(
                store, TransactionConfig.defaults(), Clock.systemUTC(), (g, r, o, k) -> false);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            String id = round + "-" + i;
            long half = TxFixture.sendHalf(store, TxFixture.message("Crash", i % 4, id, id, Map.of()));
            Decision decision = TransactionCrashTest.intended(i);
            tx.end(half, decision, TxFixture.GROUP, id).thenAccept(result -> {
                if (result.settledNow()) {
                    System.out.println(result.status() + " " + id);
                }
            });
        }
    }
}
