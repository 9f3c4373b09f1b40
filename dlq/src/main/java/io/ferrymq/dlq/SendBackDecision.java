package io.ferrymq.dlq;

import java.util.Objects;

/**
 * Where a message a consumer sent back goes ({@link SendBackPlanner}): into the group's retry topic,
 * to be delivered at {@code deliverAtMs}, or into its dead-letter queue.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param target retry or dead letter
 * @param deliverAtMs for a retry, when it is to be delivered (now or later); -1 for a dead letter
 * @param reason why, in words, for logs and admin answers
 */
public record SendBackDecision(Target target, long deliverAtMs, String reason) {
    /** The two destinations. */
    public enum Target {
        /** {@code %RETRY%<group>}, possibly after a delay. */
        RETRY,
        /** {@code %DLQ%<group>}, at once. */
        DEAD_LETTER
    }

    public SendBackDecision {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if (target == Target.DEAD_LETTER && deliverAtMs != -1) {
            throw new IllegalArgumentException("a dead letter has no delivery time");
        }
        if (target == Target.RETRY && deliverAtMs < 0) {
            throw new IllegalArgumentException("a retry needs a delivery time, was " + deliverAtMs);
        }
    }

    public static SendBackDecision retryAt(long deliverAtMs, String reason) {
        return new SendBackDecision(Target.RETRY, deliverAtMs, reason);
    }

    public static SendBackDecision deadLetter(String reason) {
        return new SendBackDecision(Target.DEAD_LETTER, -1, reason);
    }

    public boolean isDeadLetter() {
        return target == Target.DEAD_LETTER;
    }

    /** True for a retry due later than {@code nowMs}: it is parked for the scheduler. */
    public boolean isDelayed(long nowMs) {
        return target == Target.RETRY && deliverAtMs > nowMs;
    }
}
