package io.ferrymq.bench.store;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageRecordLayout;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The i-th message of a benchmark workload: 1 KB records spread round-robin over the queues of one
 * topic, each with its own UNIQ_KEY and KEYS, so the key index does real work.
 */
final class MessageStream {
    static final String TOPIC = "BenchTopic";
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private final int queues;
    private final byte[] body;

    MessageStream(int queues, int recordBytes) {
        this.queues = queues;
        int overhead = MessageRecordLayout.recordSize(0, TOPIC.length(), properties(0).length, 0);
        this.body = new byte[recordBytes - overhead];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
    }

    RecordSource message(long i) {
        EncodableMessage message = EncodableMessage.builder()
                .topic(TOPIC)
                .queueId((int) (i % queues))
                .bornTimestamp(1_795_228_128_928L + i)
                .bornHost(HOST)
                .storeHost(HOST)
                .body(body)
                .properties(properties(i))
                .build();
        return new MessageRecord(message);
    }

    private static byte[] properties(long i) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("UNIQ_KEY", String.format("7F000001%024X", i));
        properties.put("KEYS", String.format("order-%012d", i));
        properties.put("TAGS", "TagA");
        properties.put("WAIT", "true");
        return MessageProperties.encode(properties);
    }
}
