package io.ferrymq.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A received message as a listener sees it. {@code topic} is the topic it was sent to, also for a
 * redelivery through the group's retry topic. Immutable (do not change the body array).
 *
 * @param tags the tag, or null
 * @param keys business keys, may be empty
 * @param properties every property as stored (client-added and broker-added ones included)
 * @param brokerName the broker group it was pulled from
 * @param queueId the queue it was pulled from
 * @param queueOffset its offset in that queue
 * @param msgId its UNIQ_KEY (the {@link SendResult#msgId()} of the send), or its offset id if it has none
 * @param offsetMsgId the broker's offset message id
 * @param commitLogOffset the broker's physical offset of the stored record
 * @param reconsumeTimes how often it was delivered before (0 on first delivery)
 */
public record MessageView(
        String topic,
        String tags,
        List<String> keys,
        byte[] body,
        Map<String, String> properties,
        String brokerName,
        int queueId,
        long queueOffset,
        String msgId,
        String offsetMsgId,
        long commitLogOffset,
        int reconsumeTimes,
        Instant bornTimestamp,
        Instant storeTimestamp,
        int flag) {

    /** The queue it came from. */
    public MessageQueue queue() {
        return new MessageQueue(topic, brokerName, queueId);
    }

    @Override
    public String toString() {
        return "MessageView{topic=" + topic + ", tags=" + tags + ", queue=" + brokerName + "#" + queueId + "@"
                + queueOffset + ", msgId=" + msgId + ", reconsumeTimes=" + reconsumeTimes + ", body=" + body.length
                + "B}";
    }
}
