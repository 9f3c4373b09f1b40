package io.ferrymq.consumequeue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.commitlog.CommitLogConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
    private static final Path ROOT = Path.of("/store");

    @Test
    void theKeyIndexDefaultsToRocketMqsGeometry() {
        StoreConfig defaults = StoreConfig.defaults(ROOT);
        assertThat(defaults.maxHashSlotNum()).isEqualTo(5_000_000);
        assertThat(defaults.maxIndexNum()).isEqualTo(20_000_000);
        assertThat(defaults.indexDir()).isEqualTo(ROOT.resolve("index"));
        StoreConfig fourArguments =
                new StoreConfig(ROOT, CommitLogConfig.defaults(ROOT.resolve("commitlog")), 6_000_000, 1000);
        assertThat(fourArguments).isEqualTo(defaults);
    }

    @Test
    void withIndexSetsTheGeometryAndKeepsTheRest() {
        StoreConfig config =
                StoreConfig.defaults(ROOT).withFlushIntervalConsumeQueueMs(20).withIndex(2, 10);
        assertThat(config.maxHashSlotNum()).isEqualTo(2);
        assertThat(config.maxIndexNum()).isEqualTo(10);
        assertThat(config.flushIntervalConsumeQueueMs()).isEqualTo(20);
        assertThat(config.withConsumeQueueEntriesPerFile(16).maxIndexNum()).isEqualTo(10);
    }

    @Test
    void rejectsAKeyIndexFileThatCannotBeMapped() {
        StoreConfig defaults = StoreConfig.defaults(ROOT);
        assertThatThrownBy(() -> defaults.withIndex(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withIndex(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withIndex(5_000_000, 70_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 GiB");
        assertThat(defaults.withIndex(5_000_000, 66_000_000).maxIndexNum()).isEqualTo(66_000_000);
    }
}
