package io.ferrymq.transaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HalfPropertyScanTest {
    private static HalfPropertyScan scan(String properties) {
        byte[] bytes = properties.getBytes(StandardCharsets.UTF_8);
        return new HalfPropertyScan().scan(bytes, 0, bytes.length);
    }

    @Test
    void findsTheTransactionPropertiesAndKeepsTheRest() {
        HalfPropertyScan scan = scan(
                "TRAN_MSG\u0001true\u0002PGROUP\u0001g\u0002UNIQ_KEY\u0001K\u0002"
                        + "REAL_TOPIC\u0001Orders\u0002REAL_QID\u00012\u0002CHECK_IMMUNITY_TIME_IN_SECONDS\u000130\u0002x\u0001y");

        assertThat(scan.realTopic()).isEqualTo("Orders");
        assertThat(scan.realQueueId()).isEqualTo(2);
        assertThat(scan.producerGroup()).isEqualTo("g");
        assertThat(scan.uniqKey()).isEqualTo("K");
        assertThat(scan.immunityMs()).isEqualTo(30_000);
        assertThat(new String(scan.keptBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "PGROUP\u0001g\u0002UNIQ_KEY\u0001K\u0002CHECK_IMMUNITY_TIME_IN_SECONDS\u000130\u0002x\u0001y\u0002");
        assertThat(scan.split().keptLength()).isEqualTo(scan.keptBytes().length);
    }

    @Test
    void theLastOccurrenceWinsAndMalformedSegmentsAreDropped() {
        HalfPropertyScan scan =
                scan("REAL_TOPIC\u0001A\u0002junk\u0002\u0001v\u0002REAL_TOPIC\u0001B\u0002REAL_QID\u0001x");

        assertThat(scan.realTopic()).isEqualTo("B");
        assertThat(scan.realQueueId()).isZero();
        assertThat(scan.split().keptLength()).isZero();
        assertThat(scan.producerGroup()).isNull();
        assertThat(scan.immunityMs()).isZero();
    }

    @Test
    void anEmptyStringHasNothing() {
        HalfPropertyScan scan = scan("");

        assertThat(scan.hasRealTopic()).isFalse();
        assertThat(scan.keptBytes()).isEmpty();
    }
}
