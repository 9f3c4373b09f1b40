package io.ferrymq.dlq;

import io.ferrymq.dlq.internal.Delays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An explicit list of delays: the n-th retry (after {@code reconsumeTimes} = n - 1) waits element n -
 * 1; every retry past the end waits the last element. JSON: {@code {"type":"CUSTOMIZED",
 * "customizedRetryPolicy":{"next":[1000,5000,30000]}}}.
 *
 * <p>Unlike RocketMQ 5, which starts reading {@code next} at index {@code reconsumeTimes + 2} (so that
 * its 18-entry default list gives 10 s first, like the level table), the list here starts at its first
 * element: {@code next} says exactly what the retries wait.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param delaysMs at least one delay, each 0 up to {@link RetryPolicy#MAX_DELAY_MS}
 */
public record ListRetryPolicy(List<Long> delaysMs) implements RetryPolicy {
    public ListRetryPolicy {
        if (delaysMs == null || delaysMs.isEmpty()) {
            throw new IllegalArgumentException("customizedRetryPolicy.next must hold at least one delay in ms");
        }
        delaysMs = List.copyOf(delaysMs);
        for (int i = 0; i < delaysMs.size(); i++) {
            Delays.check("customizedRetryPolicy.next[" + i + "]", delaysMs.get(i));
        }
    }

    @Override
    public long delayMs(int reconsumeTimes) {
        return delaysMs.get(Math.min(Math.max(0, reconsumeTimes), delaysMs.size() - 1));
    }

    @Override
    public String toJson() {
        return delaysMs.stream()
                .map(String::valueOf)
                .collect(Collectors.joining(
                        ",", "{\"type\":\"CUSTOMIZED\",\"customizedRetryPolicy\":{\"next\":[", "]}}"));
    }
}
