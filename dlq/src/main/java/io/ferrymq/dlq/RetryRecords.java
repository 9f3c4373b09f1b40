package io.ferrymq.dlq;

import io.ferrymq.dlq.internal.RecordCopy;
import io.ferrymq.dlq.internal.SendBackProperties;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerRecords;
import java.net.InetSocketAddress;

/**
 * The new message a sent-back message becomes (wire-protocol §4.7): a retry under {@code
 * %RETRY%<group>} or a dead letter under {@code %DLQ%<group>}. Both keep the failed message's body (as
 * stored, so still compressed), flag, sysFlag, born time and host and properties, {@code UNIQ_KEY}
 * included (so consumers see the same message id); take this broker as store host; and count one more
 * reconsume. Their properties gain {@code RETRY_TOPIC} = the failed message's topic when it has none
 * (so it keeps naming the original topic across retries), {@code WAIT=false}, and {@code
 * ORIGIN_MESSAGE_ID} = the existing one, else the request's {@code originMsgId}, else the UNIQ_KEY,
 * else the offset message id; and lose the delay properties ({@code DELAY}, {@code TIMER_*}, {@code
 * REAL_TOPIC}, {@code REAL_QID}), so a stale one cannot delay or re-route the new message. A dead
 * letter also gets {@code DLQ_ORIGIN_TOPIC} (the original topic) and {@code DLQ_ORIGIN_MESSAGE_ID}
 * (the id the consumer saw: {@code originMsgId}, else UNIQ_KEY, else the offset id).
 *
 * <p>A retry due later than now is returned parked under the scheduler's timer topic ({@link
 * TimerRecords#schedule}), which delivers it to {@code %RETRY%<group>} when due, exactly as a delayed
 * send.
 *
 * <p>Stateless; safe from any thread (each call reads {@code failed}, which must not be re-wrapped
 * meanwhile).
 */
public final class RetryRecords {
    private RetryRecords() {}

    /**
     * The retry of {@code failed}, to append as it is.
     *
     * @param queueId the retry topic's queue to deliver it to
     * @param originMsgId the request's {@code originMsgId} (the id the consumer saw), or null
     * @param deliverAtMs when to deliver it ({@link SendBackDecision#deliverAtMs()}); parked when later
     *     than {@code nowMs}
     * @param storeHost this broker
     * @throws IllegalArgumentException if the properties would exceed 32767 bytes
     */
    public static EncodableMessage retry(
            StoredRecord failed,
            String group,
            int queueId,
            String originMsgId,
            long deliverAtMs,
            long nowMs,
            InetSocketAddress storeHost) {
        EncodableMessage retry = RecordCopy.keptFields(failed)
                .topic(RetryTopics.retry(group))
                .queueId(queueId)
                .storeHost(storeHost)
                .reconsumeTimes(nextCount(failed))
                .properties(SendBackProperties.retry(
                        RecordCopy.properties(failed),
                        failed.topic(),
                        originMsgId,
                        failed.offsetMessageId(),
                        nextCount(failed)))
                .build();
        return deliverAtMs > nowMs ? TimerRecords.schedule(retry, deliverAtMs) : retry;
    }

    /**
     * The dead letter of {@code failed}, for queue {@link RetryTopics#DLQ_QUEUE_ID} of {@code
     * %DLQ%<group>}, with {@code DLQ_ORIGIN_TOPIC} and {@code DLQ_ORIGIN_MESSAGE_ID}.
     *
     * @param originMsgId the request's {@code originMsgId} (the id the consumer saw), or null
     * @param storeHost this broker
     * @throws IllegalArgumentException if the properties would exceed 32767 bytes
     */
    public static EncodableMessage deadLetter(
            StoredRecord failed, String group, String originMsgId, InetSocketAddress storeHost) {
        return RecordCopy.keptFields(failed)
                .topic(RetryTopics.dlq(group))
                .queueId(RetryTopics.DLQ_QUEUE_ID)
                .storeHost(storeHost)
                .reconsumeTimes(nextCount(failed))
                .properties(SendBackProperties.deadLetter(
                        RecordCopy.properties(failed),
                        failed.topic(),
                        originMsgId,
                        failed.offsetMessageId(),
                        nextCount(failed)))
                .build();
    }

    /**
     * The properties of a message sent to {@code %RETRY%<group>} (the client's fallback after a failed
     * CONSUMER_SEND_MSG_BACK, or an orderly consumer's retry) that the broker stores in {@code
     * %DLQ%<group>} instead because its reconsume count passed its limit (wire-protocol §4.7): the
     * sent properties, with the same additions and removals as {@link #deadLetter}. The reconsume count
     * stays the one sent.
     *
     * @param sentTopic the topic it was sent to, for {@code RETRY_TOPIC} when the client set none
     * @throws IllegalArgumentException if the result exceeds 32767 bytes
     */
    public static byte[] deadLetterProperties(byte[] sentProperties, String sentTopic) {
        return SendBackProperties.deadLetter(sentProperties, sentTopic, null, null);
    }

    private static int nextCount(StoredRecord failed) {
        int times = failed.reconsumeTimes();
        return times == Integer.MAX_VALUE ? times : Math.max(0, times) + 1;
    }
}
