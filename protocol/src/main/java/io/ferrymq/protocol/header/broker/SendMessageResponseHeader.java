package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;
import io.ferrymq.protocol.header.WireName;

/**
 * The response header of the three sends. {@code MSG_REGION} and {@code TRACE_ON} are not fields
 * of RocketMQ's header class but plain {@code extFields} entries the client reads. Immutable.
 *
 * @param msgId offset message id of the stored message; for a batch, one per message, comma-joined
 * @param queueId queue written
 * @param queueOffset logical offset in the queue; for a batch, the first message's
 * @param transactionId the message's UNIQ_KEY (the batch's for a batch), or null
 * @param batchUniqId inner-batch id, or null
 * @param recallHandle 5.3+ recall handle of a timer message, or null
 * @param msgRegion region of the broker ({@code MSG_REGION}), or null
 * @param traceOn whether tracing is on ({@code TRACE_ON}), or null
 */
public record SendMessageResponseHeader(
        @Required String msgId,
        int queueId,
        long queueOffset,
        String transactionId,
        String batchUniqId,
        String recallHandle,
        @WireName("MSG_REGION") String msgRegion,
        @WireName("TRACE_ON") Boolean traceOn) {}
