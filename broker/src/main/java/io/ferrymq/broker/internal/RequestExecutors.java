package io.ferrymq.broker.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fixed pool of named daemon threads per {@link ExecutorKind} but {@link ExecutorKind#APPEND}, each
 * with a bounded queue, and for {@code APPEND} the caller's own thread. A full queue rejects the task,
 * which the transport answers with SYSTEM_BUSY (producers retry elsewhere); so does any executor once
 * {@link #shutdownAndAwait} has begun. Thread-safe.
 */
public final class RequestExecutors implements AutoCloseable {
    private final Map<ExecutorKind, ThreadPoolExecutor> pools = new EnumMap<>(ExecutorKind.class);
    private final CallerRunsUntilShutdown append = new CallerRunsUntilShutdown();

    /** @param threads thread count per kind; every kind but {@code APPEND} must be present */
    public RequestExecutors(Map<ExecutorKind, Integer> threads) {
        for (ExecutorKind kind : ExecutorKind.values()) {
            if (kind != ExecutorKind.APPEND) {
                pools.put(kind, pool(kind, threads.get(kind)));
            }
        }
    }

    public Executor of(ExecutorKind kind) {
        return kind == ExecutorKind.APPEND ? append : pools.get(kind);
    }

    /** Stops taking requests (later ones are rejected: SYSTEM_BUSY) and waits for the queued ones. */
    public boolean shutdownAndAwait(long timeoutMs) throws InterruptedException {
        append.shutdown();
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
        append.shutdown();
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
            case APPEND -> 0;
            case SEND -> 10_000;
            case PULL, PULL_FROM_DISK -> 100_000;
            case QUERY -> 20_000;
            case CLIENT, OFFSET -> 100_000;
            case ADMIN -> 10_000;
        };
    }
}
