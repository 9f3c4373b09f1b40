package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads the records in the PULL_MESSAGE response bodies of {@code wire-capture-5.2.0.log}, written by
 * Apache RocketMQ 5.2.0. The capture keeps only a prefix of each binary body (64 bytes), so most
 * checks are on the fixed fields; any record present in full is decoded and validated entirely.
 */
class CapturedPullBodyTest {
    private static final Pattern FRAME = Pattern.compile("^\\S+ BR (C->S|S->C) st=\\d+ ");
    private static final Pattern BINARY = Pattern.compile("^BIN\\((\\d+)\\) ?([0-9a-fA-F]*)$");

    /** A PULL_MESSAGE (11) request and its code-0 response with a binary body. */
    private record Pull(int line, JSONObject request, int declaredLength, byte[] body) {}

    private static List<Pull> pulls() throws IOException {
        Map<Integer, JSONObject> pending = new HashMap<>();
        List<Pull> pulls = new ArrayList<>();
        try (InputStream in = CapturedPullBodyTest.class.getResourceAsStream("/wire-capture-5.2.0.log");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                Matcher frame = FRAME.matcher(line);
                int split = line.indexOf("} body=");
                if (!frame.find() || split < 0) {
                    continue;
                }
                JSONObject header = JSON.parseObject(line.substring(frame.end(), split + 1));
                String body = line.substring(split + "} body=".length());
                int opaque = header.getIntValue("opaque");
                if (frame.group(1).equals("C->S")) {
                    pending.put(opaque, header);
                    continue;
                }
                JSONObject request = pending.remove(opaque);
                Matcher binary = BINARY.matcher(body);
                if (request != null
                        && request.getIntValue("code") == 11
                        && header.getIntValue("code") == 0
                        && binary.matches()) {
                    pulls.add(new Pull(
                            number,
                            request.getJSONObject("extFields"),
                            Integer.parseInt(binary.group(1)),
                            HexFormat.of().parseHex(binary.group(2))));
                }
            }
        }
        return pulls;
    }

    @Test
    void apacheRecordsReadAsTheLayoutSays() throws Exception {
        List<Pull> pulls = pulls();
        assertThat(pulls).hasSizeGreaterThanOrEqualTo(10);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        StoredRecord record = new StoredRecord();
        int complete = 0;
        for (Pull pull : pulls) {
            ByteBuffer body = ByteBuffer.wrap(pull.body());
            String what = "line " + pull.line();
            assertThat(body.remaining()).as(what).isGreaterThanOrEqualTo(MessageRecordLayout.STORE_HOST_OFFSET);
            record.wrap(body, 0);

            assertThat(record.magic()).as(what).isEqualTo(MessageRecordLayout.MAGIC_V1);
            assertThat(record.totalSize())
                    .as(what)
                    .isBetween(MessageRecordLayout.MIN_RECORD_SIZE, pull.declaredLength());
            assertThat(record.queueId()).as(what).isEqualTo(pull.request().getIntValue("queueId"));
            assertThat(record.queueOffset()).as(what).isEqualTo(pull.request().getLongValue("queueOffset"));
            assertThat(record.physicalOffset()).as(what).isNotNegative();
            assertThat(record.sysFlag() & (MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG))
                    .as(what)
                    .isZero();
            assertThat(record.bodyCrc()).as(what).isNotNegative();
            assertThat(record.bornHost().getAddress()).as(what).isEqualTo(loopback.getAddress());
            assertThat(record.bornTimestamp()).as(what).isBetween(1_795_228_000_000L, 1_795_229_000_000L);
            assertThat(record.storeTimestamp())
                    .as(what)
                    .isBetween(record.bornTimestamp(), record.bornTimestamp() + 60_000);

            int position = 0;
            int limit = body.limit();
            while (StoredRecord.validate(body, position, limit) > 0) {
                record.wrap(body, position);
                assertThat(record.topicEquals(pull.request().getString("topic")))
                        .as(what)
                        .isTrue();
                assertThat(record.property(MessageProperty.UNIQ_KEY)).as(what).isNotNull();
                complete++;
                position = record.nextPosition();
            }
            if (position < limit) {
                // the logged prefix ends inside this record
                assertThat(StoredRecord.validate(body, position, limit))
                        .as(what)
                        .isEqualTo(RecordDefect.TRUNCATED.code());
            }
        }
        assertThat(complete).as("complete records in the capture").isNotNegative();
    }

    @Test
    void theRecordAtOffset266IsTheOneTheSendResponseNamed() throws Exception {
        // the send response of the capture said msgId 7F000002000051AF000000000000010A; its record is
        // pulled from queue 1 of TopicTest
        Pull pull = pulls().stream()
                .filter(p -> p.request().getIntValue("queueId") == 1
                        && "TopicTest".equals(p.request().getString("topic")))
                .findFirst()
                .orElseThrow();
        StoredRecord record = new StoredRecord().wrap(ByteBuffer.wrap(pull.body()), 0);
        assertThat(record.physicalOffset()).isEqualTo(266);
        assertThat(record.bodyCrc()).isEqualTo(0x51265c90);
    }
}
