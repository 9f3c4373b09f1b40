package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFlushTest {
    @TempDir
    Path root;

    private TestStore t;

    @AfterEach
    void close() throws Exception {
        t.close();
    }

    @Test
    void concurrentAppendersAllCompleteWithFarFewerForcesThanAppends() throws Exception {
        t = TestStore.open(root, FlushDiskType.SYNC_FLUSH, true);
        int threads = 64;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int thread = i;
            done.add(pool.submit(() -> {
                for (int j = 0; j < perThread; j++) {
                    AppendResult r = t.log.append(MessageSource.text("t", thread % 4, "m" + j))
                            .join();
                    assertThat(r.status()).isEqualTo(AppendStatus.OK);
                    assertThat(t.log.flushedOffset()).isGreaterThanOrEqualTo(r.physicalOffset() + r.bytes());
                }
            }));
        }
        for (var f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int appends = threads * perThread;
        System.out.printf("SYNC_FLUSH: %d appends from %d threads, %d forces%n", appends, threads, t.forces.get());
        assertThat(t.forces.get()).isLessThan(appends / 4);
        assertThat(t.log.flushedOffset()).isEqualTo(t.log.writtenOffset());
        assertThat(futures).isEmpty();
    }

    @Test
    void oneForceCompletesEveryWaiterInOrder() throws Exception {
        t = TestStore.open(root, FlushDiskType.SYNC_FLUSH, false);
        List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
        List<Integer> completionOrder = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int index = i;
            CompletableFuture<AppendResult> f = t.log.append(MessageSource.text("t", 0, "m" + i));
            f.thenRun(() -> completionOrder.add(index));
            futures.add(f);
        }
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        assertThat(t.log.flushedOffset()).isZero();

        t.log.agents().syncFlush().doWork();
        assertThat(futures)
                .as("callers are woken by the completion step, not the force")
                .noneMatch(CompletableFuture::isDone);
        t.log.agents().syncFlush().completeDue();

        assertThat(t.forces.get()).isEqualTo(1);
        assertThat(futures).allMatch(f -> f.join().status() == AppendStatus.OK);
        assertThat(completionOrder).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(t.log.flushedOffset()).isEqualTo(t.log.writtenOffset());
        assertThat(t.store.checkpoint().commitLogFlushedOffset()).isEqualTo(t.log.writtenOffset());
    }

    @Test
    void slowForceCompletesWaitersWithFlushDiskTimeoutAndKeepsTheData() throws Exception {
        t = TestStore.open(root, FlushDiskType.SYNC_FLUSH, false);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch forcing = new CountDownLatch(1);
        var normal = t.forcer;
        t.forcer = (segment, from, to) -> {
            forcing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            normal.force(segment, from, to);
        };
        CompletableFuture<AppendResult> slow = t.log.append(MessageSource.text("t", 0, "slow"));
        Thread flushThread = new Thread(() -> t.log.agents().syncFlush().doWork(), "test-flush");
        flushThread.start();
        forcing.await();

        t.clock.advanceMs(999);
        t.log.agents().syncFlush().expire();
        assertThat(slow).isNotDone();
        t.clock.advanceMs(1);
        t.log.agents().syncFlush().expire();

        AppendResult result = slow.join();
        assertThat(result.status()).isEqualTo(AppendStatus.FLUSH_DISK_TIMEOUT);
        assertThat(result.written()).isTrue();
        assertThat(t.log.slice(result.physicalOffset(), result.bytes())).isNotNull();

        t.forcer = normal;
        release.countDown();
        flushThread.join(10_000);
        assertThat(t.log.flushedOffset()).isEqualTo(t.log.writtenOffset());
        CompletableFuture<AppendResult> next = t.log.append(MessageSource.text("t", 0, "next"));
        t.log.agents().syncFlush().doWork();
        t.log.agents().syncFlush().completeDue();
        assertThat(next.join().status()).isEqualTo(AppendStatus.OK);
    }

    @Test
    void timeoutWatchdogThreadCompletesWaitersWhileAForceHangs() throws Exception {
        t = new TestStore(root, FlushDiskType.SYNC_FLUSH, true, "04");
        CountDownLatch release = new CountDownLatch(1);
        var normal = t.forcer;
        t.forcer = (segment, from, to) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            normal.force(segment, from, to);
        };
        t.reopen();
        CompletableFuture<AppendResult> f = t.log.append(MessageSource.text("t", 0, "x"));
        t.clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).until(f::isDone);
        assertThat(f.join().status()).isEqualTo(AppendStatus.FLUSH_DISK_TIMEOUT);
        release.countDown();
    }
}
