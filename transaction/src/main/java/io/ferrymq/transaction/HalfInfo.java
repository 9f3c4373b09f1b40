package io.ferrymq.transaction;

/**
 * One unsettled half message, as the operator API lists it (plain record components, so JSON
 * serialisers see them as properties). Immutable.
 *
 * @param halfOffset the half's commit-log offset: what {@link TransactionCoordinator#resolve} takes
 * @param topic the real topic it is delivered to on commit
 * @param queueId the real queue
 * @param msgId its UNIQ_KEY (the client-visible message id and transaction id), or null
 * @param producerGroup the producer group it is checked back with
 * @param storeTimeMs when the half was stored
 * @param checks check-backs sent to a live producer so far
 * @param nextCheckMs when it is checked next; -1 when parked or committing
 */
public record HalfInfo(
        long halfOffset,
        String topic,
        int queueId,
        String msgId,
        String producerGroup,
        long storeTimeMs,
        int checks,
        long nextCheckMs,
        HalfState state) {}
