package io.ferrymq.bench.remoting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A fixed number of threads, each sending its next request as soon as the last one answered, for a
 * warm-up and then a measured period. Each thread records into its own histogram; they are merged
 * at the end, so the hot loop shares nothing.
 */
final class ClosedLoopLoad {
    private final int threads;
    private final Duration warmup;
    private final Duration measured;

    ClosedLoopLoad(int threads, Duration warmup, Duration measured) {
        this.threads = threads;
        this.warmup = warmup;
        this.measured = measured;
    }

    /** Latencies of the measured period in microseconds; the call count is the histogram's. */
    Histogram run(RoundTripTarget target) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            Thread worker = new Thread(() -> loop(target, histogram, measuring, stop, failure), "load-" + i);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long startNs = System.nanoTime();
        Thread.sleep(measured.toMillis());
        stop.set(true);
        long elapsedNs = System.nanoTime() - startNs;
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a round trip failed", failure.get());
        }
        Histogram total = new Histogram(3_600_000_000L, 3);
        histograms.forEach(total::add);
        total.setStartTimeStamp(0);
        total.setEndTimeStamp(elapsedNs / 1_000_000);
        return total;
    }

    private static void loop(
            RoundTripTarget target,
            Histogram histogram,
            AtomicBoolean measuring,
            AtomicBoolean stop,
            AtomicReference<Throwable> failure) {
        try {
            while (!stop.get()) {
                long start = System.nanoTime();
                target.roundTrip();
                if (measuring.get() && !stop.get()) {
                    histogram.recordValue((System.nanoTime() - start) / 1_000);
                }
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            stop.set(true);
        }
    }
}
