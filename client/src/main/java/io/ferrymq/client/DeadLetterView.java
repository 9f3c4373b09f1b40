package io.ferrymq.client;

import java.util.Map;

/**
 * A message in a consumer group's dead-letter queue ({@code %DLQ%<group>}), as {@link
 * Admin#deadLetters} lists it (without its body).
 *
 * @param brokerAddr the broker holding it: where a replay of it goes
 * @param msgId its message id (the one consumers saw)
 * @param originTopic the topic it was consumed from
 * @param reconsumeTimes deliveries that failed
 * @param storeTimeMs when it was dead-lettered
 * @param replayedAtMs when it was replayed; -1 if it was not
 */
public record DeadLetterView(
        String brokerAddr,
        String msgId,
        String originTopic,
        int reconsumeTimes,
        long storeTimeMs,
        int bodySizeBytes,
        Map<String, String> properties,
        long replayedAtMs) {}
