package io.ferrymq.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test moves it, so time-driven logic (expiry, timers, retention) is
 * tested without sleeping. Thread-safe: reads and advances are atomic.
 */
public final class ManualClock extends Clock {
    private final AtomicLong epochMs;
    private final ZoneId zone;

    public ManualClock(Instant start) {
        this(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC);
    }

    private ManualClock(AtomicLong epochMs, ZoneId zone) {
        this.epochMs = epochMs;
        this.zone = zone;
    }

    /** Starts at a fixed, recognisable instant: 2026-01-01T00:00:00Z. */
    public static ManualClock startingAtFixedInstant() {
        return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Moves the clock forward (a negative duration is refused: clocks here never go back). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a manual clock only moves forward: " + duration);
        }
        epochMs.addAndGet(duration.toMillis());
    }

    public void advanceMs(long ms) {
        advance(Duration.ofMillis(ms));
    }

    @Override
    public long millis() {
        return epochMs.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(epochMs.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same timeline seen in another zone: advancing either moves both. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(epochMs, newZone);
    }
}
