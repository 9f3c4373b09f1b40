package io.ferrymq.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransactionConfigTest {
    @Test
    void defaultsAreRocketMqs() {
        TransactionConfig config = TransactionConfig.defaults();

        assertThat(config.transactionTimeOutMs()).isEqualTo(6_000);
        assertThat(config.transactionCheckMax()).isEqualTo(15);
        assertThat(config.transactionCheckIntervalMs()).isEqualTo(30_000);
        assertThat(config.checkDelayMs(1)).isEqualTo(30_000);
        assertThat(config.checkDelayMs(15)).isEqualTo(30_000);
    }

    @Test
    void theWaitDoublesUpToTheCapButNeverBelowTheInterval() {
        TransactionConfig config = TransactionConfig.defaults().withCheckBackoffMaxMs(100_000);

        assertThat(config.checkDelayMs(1)).isEqualTo(30_000);
        assertThat(config.checkDelayMs(2)).isEqualTo(60_000);
        assertThat(config.checkDelayMs(3)).isEqualTo(100_000);
        assertThat(config.checkDelayMs(1_000)).isEqualTo(100_000);
        assertThat(config.withTransactionCheckIntervalMs(200_000).checkDelayMs(5))
                .isEqualTo(200_000);
        assertThat(config.withCheckBackoffMaxMs(Long.MAX_VALUE).checkDelayMs(200))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> TransactionConfig.defaults().withTransactionCheckMax(0))
                .hasMessageContaining("transactionCheckMax");
        assertThatThrownBy(() -> TransactionConfig.defaults().withTransactionTimeOutMs(-1))
                .hasMessageContaining("transactionTimeOut");
        assertThatThrownBy(() -> TransactionConfig.defaults().withTransactionCheckIntervalMs(0))
                .hasMessageContaining("transactionCheckInterval");
    }
}
