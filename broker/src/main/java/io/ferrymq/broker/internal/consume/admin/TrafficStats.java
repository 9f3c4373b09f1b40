package io.ferrymq.broker.internal.consume.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Messages stored and messages handed to consumers: the totals since start, rates over the last 10 s,
 * 1 min and 10 min, and the totals as they stood at the start of today and of yesterday (in the
 * clock's zone), which GET_BROKER_RUNTIME_INFO reports under Apache's keys ({@code putTps}, {@code
 * getTransferedTps}, {@code msgPutTotalTodayMorning}, …) for {@code mqadmin clusterList} and
 * dashboards. Stored messages are the store's dispatch count; transferred ones are counted by the
 * pull path ({@link #transferred}), one add per answered pull. {@link #sample()} once a second keeps
 * the history the rates are taken over.
 *
 * <p>Thread-safe: counting is a {@link LongAdder} add; sampling and reading synchronise on this.
 */
public final class TrafficStats {
    /** The longest rate window, in samples (one a second). */
    static final int WINDOW_SAMPLES = 600;

    private static final int[] RATE_WINDOWS_S = {10, 60, 600};

    private final LongSupplier stored;
    private final long storedAtStart;
    private final LongAdder transferred = new LongAdder();
    private final Clock clock;
    private final long[] sampledAtMs = new long[WINDOW_SAMPLES + 1];
    private final long[] putAt = new long[WINDOW_SAMPLES + 1];
    private final long[] getAt = new long[WINDOW_SAMPLES + 1];
    private int newest = -1;
    private int samples;
    private LocalDate day;
    private long putTodayMorning;
    private long getTodayMorning;
    private long putYesterdayMorning;
    private long getYesterdayMorning;

    /** {@code stored}: messages the store has made readable so far (read now as the baseline). */
    public TrafficStats(LongSupplier stored, Clock clock) {
        this.stored = stored;
        this.storedAtStart = stored.getAsLong();
        this.clock = clock;
    }

    /** Counts {@code messages} handed to a consumer. */
    public void transferred(int messages) {
        transferred.add(messages);
    }

    /** Messages stored since start. */
    public long putTotal() {
        return stored.getAsLong() - storedAtStart;
    }

    /** Messages handed to consumers since start. */
    public long getTotal() {
        return transferred.sum();
    }

    /** Takes one sample of both totals; call about once a second. */
    public synchronized void sample() {
        long now = clock.millis();
        long put = putTotal();
        long get = getTotal();
        newest = (newest + 1) % sampledAtMs.length;
        sampledAtMs[newest] = now;
        putAt[newest] = put;
        getAt[newest] = get;
        samples = Math.min(samples + 1, sampledAtMs.length);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (day == null) {
            day = today;
            putTodayMorning = put;
            getTodayMorning = get;
        } else if (!today.equals(day)) {
            day = today;
            putYesterdayMorning = putTodayMorning;
            getYesterdayMorning = getTodayMorning;
            putTodayMorning = put;
            getTodayMorning = get;
        }
    }

    /** Stores per second over the last 10 s, 1 min and 10 min, as Apache formats them ("12.00 9.50 3.10"). */
    public synchronized String putTps() {
        return rates(putAt);
    }

    /** Messages handed to consumers per second, same windows and format as {@link #putTps()}. */
    public synchronized String getTps() {
        return rates(getAt);
    }

    public synchronized long putTodayMorning() {
        return putTodayMorning;
    }

    public synchronized long getTodayMorning() {
        return getTodayMorning;
    }

    public synchronized long putYesterdayMorning() {
        return putYesterdayMorning;
    }

    public synchronized long getYesterdayMorning() {
        return getYesterdayMorning;
    }

    private String rates(long[] counts) {
        StringBuilder out = new StringBuilder();
        for (int window : RATE_WINDOWS_S) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(String.format(Locale.ROOT, "%.2f", rate(counts, window)));
        }
        return out.toString();
    }

    private double rate(long[] counts, int windowSamples) {
        if (samples < 2) {
            return 0.0;
        }
        int back = Math.min(windowSamples, samples - 1);
        int oldest = Math.floorMod(newest - back, sampledAtMs.length);
        long spanMs = sampledAtMs[newest] - sampledAtMs[oldest];
        return spanMs <= 0 ? 0.0 : (counts[newest] - counts[oldest]) * 1000.0 / spanMs;
    }
}
