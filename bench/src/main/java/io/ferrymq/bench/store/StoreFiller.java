package io.ferrymq.bench.store;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Fills a store with {@code messages} 1 KB messages (ASYNC_FLUSH) and waits until they are
 * dispatched. As a main ({@code StoreFiller dir messages queues}) it then prints {@code FILLED} and
 * waits to be killed, so a benchmark can measure recovery after a real SIGKILL.
 */
public final class StoreFiller {
    private StoreFiller() {}

    public static void main(String[] args) throws Exception {
        MessageStore store = open(Path.of(args[0]));
        fill(store, Long.parseLong(args[1]), Integer.parseInt(args[2]));
        System.out.println("FILLED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // the parent kills this JVM with SIGKILL
    }

    static MessageStore open(Path root) throws java.io.IOException {
        return MessageStore.open(StoreConfig.defaults(root), Clock.systemUTC(), neverFull());
    }

    static void fill(MessageStore store, long messages, int queues) {
        MessageStream stream = new MessageStream(queues, 1024);
        CompletableFuture<AppendResult> last = null;
        for (long i = 0; i < messages; i++) {
            last = store.put(stream.message(i));
        }
        if (last != null && !last.join().written()) {
            throw new IllegalStateException("fill failed: " + last.join());
        }
        long written = store.commitLog().writtenOffset();
        while (store.dispatchedOffset() < written) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    static DiskUsageProbe neverFull() {
        return dir -> 0.0;
    }
}
