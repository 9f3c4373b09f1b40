package io.ferrymq.protocol.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireCaptureTest {
    @Test
    void jsonEndSkipsBracesAndQuotesInsideStrings() {
        String line = "1.0 BR S->C st=0 {\"code\": 1, \"remark\": \"a } \\\" { body=x\"} body=tail";
        CaptureFrame frame = WireCapture.parse(7, line);
        assertThat(frame.headerJson()).isEqualTo("{\"code\": 1, \"remark\": \"a } \\\" { body=x\"}");
        assertThat(frame.header().getString("remark")).isEqualTo("a } \" { body=x");
        assertThat(new String(frame.body(), StandardCharsets.UTF_8)).isEqualTo("tail");
        assertThat(frame.isResponse()).isFalse();
    }

    @Test
    void binaryBodiesKeepTheLoggedPrefix() {
        CaptureFrame frame =
                WireCapture.parse(1, "1.0 BR C->S st=0 {\"code\": 310, \"flag\": 0} body=BIN(7) 68656c6c6f2d31");
        assertThat(new String(frame.body(), StandardCharsets.UTF_8)).isEqualTo("hello-1");
        assertThat(WireCapture.parse(2, "1.0 NS CONNECT from ('127.0.0.1', 1)")).isNull();
        assertThat(WireCapture.parse(3, "1.0 NS S->C st=0 {\"code\": 0, \"flag\": 1} body=")
                        .body())
                .isEmpty();
    }
}
