package io.ferrymq.broker.internal.consume.wire;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the admin bodies whose {@code offsetTable} maps {@link MessageQueueJson} objects to values
 * ({@code ConsumeStats}, {@code TopicStatsTable}) in fastjson's object-keyed form:
 * <pre>{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"minOffset":0,...}},"consumeTps":0.0}</pre>
 * Standard JSON cannot express object keys; RocketMQ's clients read exactly this. Stateless.
 */
public final class QueueKeyedJson {
    private QueueKeyedJson() {}

    /**
     * The body {@code {"offsetTable":{...}<extra>}}; {@code extra} is appended verbatim inside the
     * object (e.g. {@code ,"consumeTps":0.0}) and may be empty.
     */
    public static byte[] offsetTable(Map<MessageQueueJson, ?> table, String extra) {
        StringBuilder json = new StringBuilder(64 + table.size() * 128).append("{\"offsetTable\":{");
        boolean first = true;
        for (Map.Entry<MessageQueueJson, ?> entry : table.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(entry.getKey().asObjectKey()).append(':').append(JSON.toJSONString(entry.getValue()));
        }
        return json.append('}').append(extra).append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
