package io.ferrymq.client.internal;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.QueueStats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the GET_CONSUME_STATS response body, whose {@code offsetTable} is keyed by MessageQueue
 * <em>objects</em> (fastjson's non-standard {@code {{"brokerName":…}:{"brokerOffset":…}}}), which no
 * standard JSON parser accepts. Both key and value are flat objects, so each pair is found by pattern
 * and parsed as ordinary JSON. Stateless.
 */
public final class ConsumeStatsCodec {
    private static final Pattern ENTRY = Pattern.compile("(\\{[^{}]*\\})\\s*:\\s*(\\{[^{}]*\\})");
    private static final Pattern TPS = Pattern.compile("\"consumeTps\"\\s*:\\s*([0-9.Ee+-]+)");

    private ConsumeStatsCodec() {}

    /** The queues in the body, sorted. */
    public static List<QueueStats> queues(byte[] body) {
        Matcher matcher = ENTRY.matcher(new String(body, StandardCharsets.UTF_8));
        List<QueueStats> queues = new ArrayList<>();
        while (matcher.find()) {
            JSONObject key = JSON.parseObject(matcher.group(1));
            JSONObject value = JSON.parseObject(matcher.group(2));
            if (!key.containsKey("topic") || !value.containsKey("brokerOffset")) {
                continue;
            }
            long last = value.getLongValue("lastTimestamp");
            queues.add(new QueueStats(
                    new MessageQueue(key.getString("topic"), key.getString("brokerName"), key.getIntValue("queueId")),
                    value.getLongValue("brokerOffset"),
                    value.getLongValue("consumerOffset"),
                    last > 0 ? Instant.ofEpochMilli(last) : null));
        }
        queues.sort((a, b) -> a.queue().compareTo(b.queue()));
        return queues;
    }

    /** The body's {@code consumeTps}, 0 when absent. */
    public static double consumeTps(byte[] body) {
        Matcher matcher = TPS.matcher(new String(body, StandardCharsets.UTF_8));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
