package io.ferrymq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DelayLevelsTest {
    @Test
    void defaultLevelsAreRocketMqs() {
        DelayLevels levels = DelayLevels.DEFAULT;
        assertThat(levels.maxLevel()).isEqualTo(18);
        assertThat(levels.delayMs(1)).isEqualTo(1_000);
        assertThat(levels.delayMs(2)).isEqualTo(5_000);
        assertThat(levels.delayMs(3)).isEqualTo(10_000);
        assertThat(levels.delayMs(5)).isEqualTo(60_000);
        assertThat(levels.delayMs(16)).isEqualTo(30 * 60_000);
        assertThat(levels.delayMs(18)).isEqualTo(2 * 3_600_000);
        assertThat(levels.maxDelayMs()).isEqualTo(2 * 3_600_000);
        assertThat(levels.toString()).isEqualTo(DelayLevels.DEFAULT_SPEC);
    }

    @Test
    void aLevelAboveTheMaximumIsClamped() {
        assertThat(DelayLevels.DEFAULT.delayMs(19)).isEqualTo(2 * 3_600_000);
        assertThat(DelayLevels.DEFAULT.delayMs(Integer.MAX_VALUE)).isEqualTo(2 * 3_600_000);
        assertThatThrownBy(() -> DelayLevels.DEFAULT.delayMs(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyUnitParses() {
        DelayLevels levels = DelayLevels.parse("  250ms 2s\t3m 4h 5d 1M ");
        assertThat(levels.maxLevel()).isEqualTo(6);
        assertThat(levels.delayMs(1)).isEqualTo(250);
        assertThat(levels.delayMs(2)).isEqualTo(2_000);
        assertThat(levels.delayMs(3)).isEqualTo(180_000);
        assertThat(levels.delayMs(4)).isEqualTo(4 * 3_600_000L);
        assertThat(levels.delayMs(5)).isEqualTo(5 * 86_400_000L);
        assertThat(levels.delayMs(6)).isEqualTo(60_000);
        assertThat(levels).isEqualTo(DelayLevels.parse("250ms 2s 3m 4h 5d 1m"));
    }

    @Test
    void aBadTokenIsNamed() {
        assertThatThrownBy(() -> DelayLevels.parse("1s 5x 10s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level 2 is '5x'");
        assertThatThrownBy(() -> DelayLevels.parse("1s s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s'");
        assertThatThrownBy(() -> DelayLevels.parse("0s")).hasMessageContaining("'0s'");
        assertThatThrownBy(() -> DelayLevels.parse("-1s")).hasMessageContaining("'-1s'");
        assertThatThrownBy(() -> DelayLevels.parse("1.5s")).hasMessageContaining("'1.5s'");
        assertThatThrownBy(() -> DelayLevels.parse("9999999999d")).hasMessageContaining("'9999999999d'");
        assertThatThrownBy(() -> DelayLevels.parse("  ")).hasMessageContaining("empty");
    }
}
