package io.ferrymq.nameserver.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.route.RegisterBrokerBodyCodec;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** REGISTER_BROKER's bodyCrc32 as Apache brokers compute it: CRC32 with the top bit cleared. */
class BodyCrcTest {
    @Test
    void aBodyWhosePlainCrcHasTheTopBitSetMatchesTheMaskedHeader() {
        byte[] body = bodyWithTopBitCrc();
        long plain = plainCrc(body);
        int masked = (int) (plain & 0x7FFF_FFFFL);

        assertThat(RegisterBrokerBodyCodec.bodyCrc32(body)).isEqualTo(masked).isPositive();
        assertThat(RegisterBrokerBodyCodec.crcMatches(masked, body))
                .as("Apache's convention")
                .isTrue();
        assertThat(RegisterBrokerBodyCodec.crcMatches((int) plain, body))
                .as("a plain signed CRC")
                .isTrue();
        assertThat(RegisterBrokerBodyCodec.crcMatches(masked - 1, body)).isFalse();
    }

    private static byte[] bodyWithTopBitCrc() {
        for (int i = 0; ; i++) {
            byte[] body = ("{\"topicConfigTable\":{\"T" + i + "\":{}}}").getBytes(StandardCharsets.UTF_8);
            if ((plainCrc(body) & 0x8000_0000L) != 0) {
                return body;
            }
        }
    }

    private static long plainCrc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }
}
