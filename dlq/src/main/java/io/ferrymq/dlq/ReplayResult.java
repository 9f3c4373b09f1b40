package io.ferrymq.dlq;

/**
 * The result of replaying one dead letter.
 *
 * <p>Immutable; safe to share.
 *
 * @param msgId the id asked for
 * @param status what happened
 * @param targetTopic where it was (or is recorded as) replayed to; null when not known
 * @param physicalOffset the replayed record's commit-log offset; -1 when none
 * @param queueOffset its queue offset; -1 when none
 * @param reason a sentence for the operator; empty for a plain success
 */
public record ReplayResult(
        String msgId, ReplayStatus status, String targetTopic, long physicalOffset, long queueOffset, String reason) {

    public static ReplayResult replayed(
            String msgId, String topic, long physicalOffset, long queueOffset, String reason) {
        return new ReplayResult(msgId, ReplayStatus.REPLAYED, topic, physicalOffset, queueOffset, reason);
    }

    public static ReplayResult alreadyReplayed(String msgId, String topic, long physicalOffset, long queueOffset) {
        return new ReplayResult(
                msgId,
                ReplayStatus.ALREADY_REPLAYED,
                topic,
                physicalOffset,
                queueOffset,
                "replayed before; not appended again");
    }

    public static ReplayResult notFound(String msgId, String dlqTopic) {
        return new ReplayResult(msgId, ReplayStatus.NOT_FOUND, null, -1, -1, dlqTopic + " holds no message " + msgId);
    }

    public static ReplayResult failed(String msgId, String topic, String reason) {
        return new ReplayResult(msgId, ReplayStatus.FAILED, topic, -1, -1, reason);
    }
}
