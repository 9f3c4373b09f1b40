package io.ferrymq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryTimeTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long MAX = TimerConfig.DEFAULT_MAX_DELAY_MS;
    private static final DelayLevels LEVELS = DelayLevels.DEFAULT;

    private static long resolve(String level, String sec, String ms, String deliver) throws IllegalDelayException {
        return DeliveryTime.resolve(level, sec, ms, deliver, NOW, LEVELS, MAX);
    }

    @Test
    void noDelayPropertiesMeansNotDelayed() throws Exception {
        assertThat(resolve(null, null, null, null)).isEqualTo(DeliveryTime.NOT_DELAYED);
        assertThat(resolve("0", null, null, null)).isEqualTo(DeliveryTime.NOT_DELAYED);
        assertThat(resolve(" 0 ", null, null, null)).isEqualTo(DeliveryTime.NOT_DELAYED);
    }

    @Test
    void aDelayLevelWinsOverTimerProperties() throws Exception {
        assertThat(resolve("3", "100", "200", String.valueOf(NOW + 300))).isEqualTo(NOW + 10_000);
        assertThat(resolve("18", null, null, null)).isEqualTo(NOW + 7_200_000);
        assertThat(resolve("99", null, null, null)).isEqualTo(NOW + 7_200_000);
    }

    @Test
    void timerPropertiesInPriorityOrder() throws Exception {
        assertThat(resolve("0", "7", "200", String.valueOf(NOW + 300))).isEqualTo(NOW + 7_000);
        assertThat(resolve(null, null, "200", String.valueOf(NOW + 300))).isEqualTo(NOW + 200);
        assertThat(resolve(null, null, null, String.valueOf(NOW + 300))).isEqualTo(NOW + 300);
    }

    @Test
    void nowOrThePastDeliversAtOnce() throws Exception {
        assertThat(resolve(null, "0", null, null)).isEqualTo(NOW);
        assertThat(resolve(null, null, "0", null)).isEqualTo(NOW);
        assertThat(resolve(null, null, null, String.valueOf(NOW))).isEqualTo(NOW);
        assertThat(resolve(null, null, null, "1")).isEqualTo(NOW);
        assertThat(resolve(null, null, null, "0")).isEqualTo(NOW);
    }

    @Test
    void theMaximumDelayIsAllowedAndOneMoreIsNot() throws Exception {
        assertThat(resolve(null, "31536000", null, null)).isEqualTo(NOW + MAX);
        assertThat(resolve(null, null, String.valueOf(MAX), null)).isEqualTo(NOW + MAX);
        assertThat(resolve(null, null, null, String.valueOf(NOW + MAX))).isEqualTo(NOW + MAX);
        assertThatThrownBy(() -> resolve(null, "40000000", null, null))
                .isInstanceOf(IllegalDelayException.class)
                .hasMessage("TIMER_DELAY_SEC=40000000 exceeds timerMaxDelaySec=31536000");
        assertThatThrownBy(() -> resolve(null, "31536001", null, null))
                .hasMessage("TIMER_DELAY_SEC=31536001 exceeds timerMaxDelaySec=31536000");
        assertThatThrownBy(() -> resolve(null, null, String.valueOf(MAX + 1), null))
                .hasMessage("TIMER_DELAY_MS=" + (MAX + 1) + " exceeds timerMaxDelaySec=31536000");
        assertThatThrownBy(() -> resolve(null, null, null, String.valueOf(NOW + MAX + 1)))
                .hasMessage("TIMER_DELIVER_MS=" + (NOW + MAX + 1) + " lies beyond now + timerMaxDelaySec=31536000");
        assertThatThrownBy(() -> resolve(null, String.valueOf(Long.MAX_VALUE), null, null))
                .isInstanceOf(IllegalDelayException.class);
    }

    @Test
    void aDelayLevelIsNotLimitedByTheTimerMaximum() throws Exception {
        assertThat(DeliveryTime.resolve("2", null, null, null, NOW, LEVELS, 2_000))
                .isEqualTo(NOW + 5_000);
        assertThatThrownBy(() -> DeliveryTime.resolve(null, "3", null, null, NOW, LEVELS, 2_000))
                .hasMessage("TIMER_DELAY_SEC=3 exceeds timerMaxDelaySec=2");
    }

    @Test
    void negativeOrUnparseableValuesAreRefusedByName() {
        assertThatThrownBy(() -> resolve("-1", null, null, null)).hasMessage("DELAY=-1 is negative");
        assertThatThrownBy(() -> resolve("two", null, null, null)).hasMessage("DELAY=two is not a whole number");
        assertThatThrownBy(() -> resolve(null, "-5", null, null)).hasMessage("TIMER_DELAY_SEC=-5 is negative");
        assertThatThrownBy(() -> resolve(null, null, "1.5", null))
                .hasMessage("TIMER_DELAY_MS=1.5 is not a whole number");
        assertThatThrownBy(() -> resolve(null, null, null, "tomorrow"))
                .hasMessage("TIMER_DELIVER_MS=tomorrow is not a whole number");
        assertThatThrownBy(() -> resolve(null, null, null, "-1")).hasMessage("TIMER_DELIVER_MS=-1 is negative");
    }

    @Test
    void onlyTheDecidingPropertyIsParsed() throws Exception {
        assertThat(resolve("2", "junk", "junk", "junk")).isEqualTo(NOW + 5_000);
        assertThat(resolve(null, "1", "junk", "junk")).isEqualTo(NOW + 1_000);
    }
}
