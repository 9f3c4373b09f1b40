package io.ferrymq.broker.internal.consume.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.testkit.ManualClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrafficStatsTest {
    private final AtomicLong stored = new AtomicLong(1_000); // what the store had before the broker started
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final TrafficStats stats = new TrafficStats(stored::get, clock);

    @Test
    void totalsCountFromStart() {
        stored.addAndGet(5);
        stats.transferred(32);
        stats.transferred(3);

        assertThat(stats.putTotal()).isEqualTo(5);
        assertThat(stats.getTotal()).isEqualTo(35);
    }

    @Test
    void ratesCoverTheLastTenSecondsMinuteAndTenMinutes() {
        assertThat(stats.putTps()).as("no history yet").isEqualTo("0.00 0.00 0.00");
        stats.sample();
        for (int second = 1; second <= 20; second++) {
            clock.advanceMs(1_000);
            stored.addAndGet(10);
            stats.transferred(4);
            stats.sample();
        }
        assertThat(stats.putTps()).isEqualTo("10.00 10.00 10.00");
        assertThat(stats.getTps()).isEqualTo("4.00 4.00 4.00");

        for (int second = 21; second <= 70; second++) {
            clock.advanceMs(1_000);
            stats.sample();
        }
        // 10 s: nothing; 1 min (10..70 s): the 100 stored in seconds 11..20; all 70 s: 200
        assertThat(stats.putTps()).isEqualTo("0.00 1.67 2.86");
    }

    @Test
    void theTenMinuteWindowForgetsOlderSamples() {
        stats.sample();
        clock.advanceMs(1_000);
        stored.addAndGet(6_000);
        stats.sample();
        for (int second = 2; second <= TrafficStats.WINDOW_SAMPLES + 1; second++) {
            clock.advanceMs(1_000);
            stats.sample();
        }

        assertThat(stats.putTps())
                .as("the burst in second 1 fell out of every window")
                .isEqualTo("0.00 0.00 0.00");
    }

    @Test
    void midnightMovesTodaysMorningToYesterday() {
        ManualClock late = new ManualClock(Instant.parse("2026-11-21T23:59:58Z"));
        TrafficStats daily = new TrafficStats(stored::get, late);
        daily.sample();
        stored.addAndGet(5);
        daily.transferred(2);
        late.advanceMs(3_000);
        daily.sample();
        stored.addAndGet(7);
        late.advanceMs(1_000);
        daily.sample();

        assertThat(daily.putYesterdayMorning()).isZero();
        assertThat(daily.putTodayMorning()).isEqualTo(5);
        assertThat(daily.getTodayMorning()).isEqualTo(2);
        assertThat(daily.putTotal()).isEqualTo(12);
    }
}
