package io.ferrymq.transaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.transaction.HalfState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HalfEntryLayoutTest {
    private static HalfEntry entry() {
        HalfEntry entry = new HalfEntry();
        entry.offset = 42;
        entry.state = HalfEntry.PARKED;
        entry.committing = true;
        entry.checks = 15;
        entry.nextCheckMs = 1_000_000;
        entry.storeMs = 999;
        entry.size = 321;
        entry.queueOffset = 7;
        entry.realQueueId = 3;
        entry.producerGroup = "grüppe";
        entry.uniqKey = "ABC";
        entry.realTopic = "Orders";
        return entry;
    }

    @Test
    void roundTripsEveryField() {
        HalfEntry decoded = HalfEntryLayout.decode(42, HalfEntryLayout.encode(entry()), new HalfEntry());

        assertThat(decoded).usingRecursiveComparison().isEqualTo(entry());
        assertThat(decoded.publicState()).isEqualTo(HalfState.COMMITTING);
        assertThat(decoded.checkable()).isFalse();
    }

    @Test
    void keepsAbsentStringsAbsent() {
        HalfEntry entry = entry();
        entry.producerGroup = null;
        entry.uniqKey = null;
        entry.committing = false;

        HalfEntry decoded = HalfEntryLayout.decode(42, HalfEntryLayout.encode(entry), new HalfEntry());

        assertThat(decoded.producerGroup).isNull();
        assertThat(decoded.uniqKey).isNull();
        assertThat(decoded.realTopic).isEqualTo("Orders");
        assertThat(decoded.toInfo().state()).isEqualTo(HalfState.PARKED);
        assertThat(decoded.toInfo().nextCheckMs()).isEqualTo(-1);
    }

    @Test
    void refusesAnUnknownFormat() {
        byte[] value = HalfEntryLayout.encode(entry());
        value[0] = 9;

        assertThatThrownBy(() -> HalfEntryLayout.decode(42, value, new HalfEntry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("42");
    }

    @Test
    void keysSortByPrefixThenNumber() {
        byte[] early = TransactionLayout.timeKey(TransactionLayout.DUE, 1_000, 5);
        byte[] late = TransactionLayout.timeKey(TransactionLayout.DUE, 256_000, 1);

        assertThat(Arrays.compareUnsigned(early, late)).isNegative();
        assertThat(TransactionLayout.timeOf(late)).isEqualTo(256_000);
        assertThat(TransactionLayout.timeKeyOffset(late)).isEqualTo(1);
        assertThat(TransactionLayout.offsetOf(TransactionLayout.offsetKey(TransactionLayout.HALF, 1L << 40)))
                .isEqualTo(1L << 40);
    }
}
