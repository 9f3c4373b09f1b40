package io.ferrymq.dlq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DlqLayoutTest {
    @Test
    void replayEntriesRoundTrip() {
        ReplayEntry intent = ReplayEntry.intent(1_767_225_600_000L, 123_456, "Orders-ü");
        assertThat(DlqLayout.decode(DlqLayout.encode(intent))).isEqualTo(intent);
        ReplayEntry done = intent.doneAt(1_767_225_601_000L, 999, 7);
        assertThat(DlqLayout.decode(DlqLayout.encode(done))).isEqualTo(done);
        assertThat(done.done()).isTrue();
        assertThat(intent.done()).isFalse();
        assertThat(intent.physicalOffset()).isEqualTo(-1);
    }

    @Test
    void damagedEntriesAreRefused() {
        byte[] encoded = DlqLayout.encode(ReplayEntry.intent(1, 2, "Orders"));
        assertThatThrownBy(() -> DlqLayout.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
        encoded[0] = 'x';
        assertThatThrownBy(() -> DlqLayout.decode(encoded)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysSortByOffsetAndKeepTheGroup() {
        assertThat(DlqLayout.replayOffset(DlqLayout.replayKey(42))).isEqualTo(42);
        assertThat(Arrays.compareUnsigned(DlqLayout.replayKey(255), DlqLayout.replayKey(256)))
                .isNegative();
        assertThat(DlqLayout.countGroup(DlqLayout.countKey("cg-ü"))).isEqualTo("cg-ü");
    }
}
