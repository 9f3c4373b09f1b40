package io.ferrymq.broker.internal.consume.wire;

/**
 * A message queue as RocketMQ's JSON bodies carry it: {@code {"brokerName":"b","queueId":0,"topic":"T"}}.
 * Immutable.
 */
public record MessageQueueJson(String topic, String brokerName, int queueId) {

    /**
     * The queue written as a fastjson map key (an object, not a string): RocketMQ's admin bodies
     * ({@code ConsumeStats}, {@code TopicStatsTable}) key maps by queue objects, and its clients parse
     * that non-standard form.
     */
    public String asObjectKey() {
        return "{\"brokerName\":" + quote(brokerName) + ",\"queueId\":" + queueId + ",\"topic\":" + quote(topic) + "}";
    }

    static String quote(String text) {
        return com.alibaba.fastjson2.JSON.toJSONString(text);
    }
}
