package io.ferrymq.broker.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fixed pool of named daemon threads per {@link ExecutorKind}, each with a bounded queue. A full
 * queue rejects the task, which the transport answers with SYSTEM_BUSY (producers retry elsewhere).
 * Thread-safe.
 */
public final class RequestExecutors implements AutoCloseable {
    private final Map<ExecutorKind, ThreadPoolExecutor> pools = new EnumMap<>(ExecutorKind.class);

    /** @param threads thread count per kind; every kind must be present */
    public RequestExecutors(Map<ExecutorKind, Integer> threads) {
        for (ExecutorKind kind : ExecutorKind.values()) {
            int count = threads.get(kind);
            pools.put(kind, pool(kind, count));
        }
    }

    public ExecutorService of(ExecutorKind kind) {
        return pools.get(kind);
    }

    /** Stops taking requests (later ones are rejected: SYSTEM_BUSY) and waits for the queued ones. */
    public boolean shutdownAndAwait(long timeoutMs) throws InterruptedException {
        pools.values().forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        boolean all = true;
        for (ThreadPoolExecutor pool : pools.values()) {
            all &= pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return all;
    }

    @Override
    public void close() {
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    private static ThreadPoolExecutor pool(ExecutorKind kind, int threads) {
        String prefix = "broker-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-";
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity(kind)),
                runnable -> {
                    Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** RocketMQ's queue capacities per kind of work. */
    private static int queueCapacity(ExecutorKind kind) {
        return switch (kind) {
            case SEND -> 10_000;
            case PULL -> 100_000;
            case QUERY -> 20_000;
            case CLIENT, OFFSET -> 100_000;
            case ADMIN -> 10_000;
        };
    }
}
