package io.ferrymq.broker.internal.consume.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryWindowTest {
    private final AtomicLong written = new AtomicLong(10_000);

    @Test
    void recordsWithinTheWindowBehindTheWrittenOffsetAreInMemory() {
        MemoryWindow window = new MemoryWindow(written::get, 1_000);
        assertThat(window.contains(9_999)).isTrue();
        assertThat(window.contains(9_000)).isTrue();
        assertThat(window.contains(8_999)).isFalse();
        written.set(20_000);
        assertThat(window.contains(9_999)).as("the window moves with the log").isFalse();
    }

    @Test
    void anEmptyWindowHoldsNothing() {
        MemoryWindow window = new MemoryWindow(written::get, 0);
        assertThat(window.contains(10_000)).isFalse();
        assertThat(window.contains(9_999)).isFalse();
    }

    @Test
    void aShareOfPhysicalMemory() {
        assertThat(MemoryWindow.ofPhysicalMemory(written::get, 40).contains(0))
                .as("10 KB of log fits in 40 % of any machine's memory")
                .isTrue();
        assertThat(MemoryWindow.ofPhysicalMemory(written::get, 0).contains(9_999))
                .isFalse();
        assertThatThrownBy(() -> new MemoryWindow(written::get, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
