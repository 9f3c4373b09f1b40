package io.ferrymq.client.internal.admin;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.client.DeadLetterView;
import io.ferrymq.client.ReplayOutcome;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.FerryAdminFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists, replays and counts the messages in consumer groups' dead-letter queues (FERRY_DLQ_LIST,
 * FERRY_DLQ_REPLAY, FERRY_DLQ_STATS). Thread-safe.
 */
public final class DeadLetters {
    /** What a replay may take beyond its pacing, on top of the ordinary timeout. */
    private static final long REPLAY_SLACK_MS = 30_000;

    private final Rpc rpc;
    private final BrokerDirectory brokers;
    private final long timeoutMs;

    public DeadLetters(Rpc rpc, BrokerDirectory brokers, long timeoutMs) {
        this.rpc = rpc;
        this.brokers = brokers;
        this.timeoutMs = timeoutMs;
    }

    /** {@code group}'s dead letters stored within [{@code begin}, {@code end}] on every master, {@code max} each. */
    public List<DeadLetterView> list(String cluster, String group, Instant begin, Instant end, int max) {
        List<DeadLetterView> found = new ArrayList<>();
        for (String addr : brokers.masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_DLQ_LIST)
                    .extFields(new HashMap<>(Map.of(
                            FerryAdminFields.GROUP, group,
                            FerryAdminFields.BEGIN_MS, Long.toString(begin.toEpochMilli()),
                            FerryAdminFields.END_MS, Long.toString(end.toEpochMilli()),
                            FerryAdminFields.MAX, Integer.toString(max))));
            found.addAll(decodeList(addr, rpc.callOk(addr, request, timeoutMs).body()));
        }
        return found;
    }

    /** Replays {@code msgIds} held by {@code brokerAddr}, waiting as long as the pacing needs. */
    public List<ReplayOutcome> replay(
            String brokerAddr, String group, List<String> msgIds, boolean toRetryTopic, double permitsPerSecond) {
        RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_DLQ_REPLAY)
                .extFields(new HashMap<>(Map.of(
                        FerryAdminFields.GROUP,
                        group,
                        FerryAdminFields.MSG_IDS,
                        String.join(",", msgIds),
                        FerryAdminFields.TARGET,
                        toRetryTopic ? "RETRY_TOPIC" : "ORIGINAL_TOPIC",
                        FerryAdminFields.PERMITS_PER_SECOND,
                        Double.toString(permitsPerSecond))));
        long replayTimeoutMs = timeoutMs + (long) (msgIds.size() / permitsPerSecond * 1000) + REPLAY_SLACK_MS;
        return decodeOutcomes(rpc.callOk(brokerAddr, request, replayTimeoutMs).body());
    }

    /** The messages sent to each group's DLQ, summed over every master. */
    public Map<String, Long> counts(String cluster) {
        Map<String, Long> counts = new TreeMap<>();
        for (String addr : brokers.masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_DLQ_STATS);
            addCounts(counts, rpc.callOk(addr, request, timeoutMs).body());
        }
        return counts;
    }

    /** A FERRY_DLQ_LIST body from {@code addr}: a JSON array of dead letters without their bodies. */
    static List<DeadLetterView> decodeList(String addr, byte[] body) {
        List<DeadLetterView> found = new ArrayList<>();
        for (JSONObject letter : JSON.parseArray(body).toJavaList(JSONObject.class)) {
            JSONObject properties = letter.getJSONObject("properties");
            Map<String, String> props = new LinkedHashMap<>();
            if (properties != null) {
                properties.forEach((k, v) -> props.put(k, String.valueOf(v)));
            }
            found.add(new DeadLetterView(
                    addr,
                    letter.getString("msgId"),
                    letter.getString("originTopic"),
                    letter.getIntValue("reconsumeTimes"),
                    letter.getLongValue("storeTimeMs"),
                    letter.getIntValue("bodySizeBytes"),
                    props,
                    letter.containsKey("replayedAtMs") ? letter.getLongValue("replayedAtMs") : -1));
        }
        return found;
    }

    /** A FERRY_DLQ_REPLAY body: one outcome per id, in order. */
    static List<ReplayOutcome> decodeOutcomes(byte[] body) {
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (JSONObject result : JSON.parseArray(body).toJavaList(JSONObject.class)) {
            outcomes.add(new ReplayOutcome(
                    result.getString("msgId"),
                    result.getString("status"),
                    result.getString("targetTopic"),
                    result.getString("reason")));
        }
        return outcomes;
    }

    /** Adds a FERRY_DLQ_STATS body ({@code {"group":count,…}}) to {@code counts}. */
    static void addCounts(Map<String, Long> counts, byte[] body) {
        JSONObject byGroup = JSON.parseObject(body);
        byGroup.forEach((group, count) -> counts.merge(group, ((Number) count).longValue(), Long::sum));
    }
}
