package io.ferrymq.protocol.header.broker;

/**
 * The header of CHECK_TRANSACTION_STATE (39), broker to producer, oneway. Immutable; absent
 * optional fields are null.
 */
public record CheckTransactionStateRequestHeader(
        String topic,
        long tranStateTableOffset,
        long commitLogOffset,
        String msgId,
        String transactionId,
        String offsetMsgId,
        String bname) {}
