package io.ferrymq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    @Test
    void movesOnlyWhenAdvanced() {
        ManualClock clock = ManualClock.startingAtFixedInstant();
        long start = clock.millis();
        assertThat(clock.millis()).isEqualTo(start);
        clock.advance(Duration.ofSeconds(121));
        assertThat(clock.millis()).isEqualTo(start + 121_000);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:02:01Z"));
    }

    @Test
    void zonedViewsShareTheTimeline() {
        ManualClock clock = ManualClock.startingAtFixedInstant();
        var tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
        clock.advanceMs(5);
        assertThat(tokyo.millis()).isEqualTo(clock.millis());
    }

    @Test
    void refusesToGoBack() {
        ManualClock clock = ManualClock.startingAtFixedInstant();
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
