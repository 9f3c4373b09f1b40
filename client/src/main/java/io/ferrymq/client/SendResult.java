package io.ferrymq.client;

/**
 * What a broker answered to a send. Immutable.
 *
 * @param msgId the message's UNIQ_KEY (for a batch: the keys of its messages, comma-joined)
 * @param offsetMsgId the broker's offset message id (store host + commit-log offset); comma-joined for a batch
 * @param queue the queue written
 * @param queueOffset the message's offset in that queue (for a batch: the first message's)
 */
public record SendResult(SendStatus status, String msgId, String offsetMsgId, MessageQueue queue, long queueOffset) {}
