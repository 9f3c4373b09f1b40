package io.ferrymq.broker.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecialPropertiesTest {
    private static SpecialProperties scan(String properties) {
        byte[] padded = ("xx" + properties + "yy").getBytes(StandardCharsets.UTF_8);
        return SpecialProperties.scan(padded, 2, padded.length - 4);
    }

    private static String props(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(pairs[i]).append('\u0001').append(pairs[i + 1]).append('\u0002');
        }
        return out.toString();
    }

    @Test
    void anOrdinaryMessageHasNone() {
        assertThat(scan(props("TAGS", "TagA", "KEYS", "k1 k2", "TRACE_ON", "true", "DELAYED", "3")))
                .isSameAs(SpecialProperties.NONE);
        assertThat(scan("")).isSameAs(SpecialProperties.NONE);
    }

    @Test
    void findsEachDelayPropertyAndTheTransactionFlag() {
        SpecialProperties found = scan(props(
                "TAGS", "T",
                "DELAY", " 3 ",
                "TIMER_DELAY_SEC", "10",
                "TIMER_DELAY_MS", "1500",
                "TIMER_DELIVER_MS", "1767225600000",
                "TRAN_MSG", "true"));
        assertThat(found.delay()).isEqualTo("3");
        assertThat(found.delaySec()).isEqualTo("10");
        assertThat(found.delayMs()).isEqualTo("1500");
        assertThat(found.deliverMs()).isEqualTo("1767225600000");
        assertThat(found.transactional()).isTrue();
        assertThat(found.hasDelay()).isTrue();
    }

    @Test
    void aFalseTransactionFlagAndEmptyValuesDoNotCount() {
        SpecialProperties found = scan(props("TRAN_MSG", "false") + "DELAY\u0001\u0002");
        assertThat(found.transactional()).isFalse();
        assertThat(found.hasDelay()).isFalse();
    }
}
