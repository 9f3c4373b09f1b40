package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of END_TRANSACTION (37), oneway: {@code commitOrRollback} is 8 (commit), 12
 * (rollback) or 0 (unknown). Immutable; absent optional fields are null.
 */
public record EndTransactionRequestHeader(
        String topic,
        @Required String producerGroup,
        long tranStateTableOffset,
        long commitLogOffset,
        int commitOrRollback,
        Boolean fromTransactionCheck,
        @Required String msgId,
        String transactionId,
        String bname) {}
