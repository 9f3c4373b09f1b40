package io.ferrymq.client.internal;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.client.DelayStats;

/**
 * Reads the body of FERRY_TIMER_STATS (the broker's {@code TimerStats} as JSON) into a {@link
 * DelayStats}; fields the broker does not send read as 0. Stateless.
 */
public final class DelayStatsCodec {
    private DelayStatsCodec() {}

    public static DelayStats decode(byte[] body) {
        JSONObject stats = JSON.parseObject(body);
        JSONObject due = object(stats, "pendingByDue");
        JSONObject lateness = object(stats, "lateness");
        long within1s = due.getLongValue("within1s");
        long within1m = within1s + due.getLongValue("within10s") + due.getLongValue("within1m");
        long within1h = within1m + due.getLongValue("within10m") + due.getLongValue("within1h");
        long within1d = within1h + due.getLongValue("within1d");
        return new DelayStats(
                stats.getLongValue("pending"),
                within1s,
                within1m,
                within1h,
                within1d,
                stats.containsKey("nextDueMs") ? stats.getLongValue("nextDueMs") : -1,
                stats.getLongValue("firedTotal"),
                stats.getDoubleValue("firedPerSecond"),
                lateness.getLongValue("p50Ms"),
                lateness.getLongValue("p99Ms"),
                lateness.getLongValue("maxMs"),
                stats.getLongValue("cancelledTotal"),
                stats.getLongValue("duplicatesAvoided"),
                stats.getLongValue("possibleDuplicates"));
    }

    private static JSONObject object(JSONObject parent, String name) {
        JSONObject child = parent.getJSONObject(name);
        return child == null ? new JSONObject() : child;
    }
}
