package io.ferrymq.scheduler;

import io.ferrymq.protocol.message.MessageProperty;

/**
 * When a message is to be delivered, from its delay properties (wire-protocol §7–8): {@code DELAY}
 * (a level) wins when it is above 0; otherwise {@code TIMER_DELAY_SEC}, then {@code TIMER_DELAY_MS},
 * then {@code TIMER_DELIVER_MS} (absolute), the first present one deciding. As in RocketMQ, {@code
 * timerMaxDelaySec} limits the timer properties only: a delay level is the broker's own setting.
 *
 * <p>Stateless; safe from any thread.
 */
public final class DeliveryTime {
    /** What {@link #resolve} returns for a message that is not delayed. */
    public static final long NOT_DELAYED = -1;

    private DeliveryTime() {}

    /**
     * The absolute delivery time in ms, or {@link #NOT_DELAYED} when every property is absent (or
     * {@code DELAY} is 0 and no timer property is set). A time now or in the past gives {@code
     * nowMs}: deliver at once.
     *
     * @param delayLevel {@code DELAY}, or null
     * @param delaySec {@code TIMER_DELAY_SEC}, or null
     * @param delayMs {@code TIMER_DELAY_MS}, or null
     * @param deliverMs {@code TIMER_DELIVER_MS}, or null
     * @param maxDelayMs {@code timerMaxDelaySec} in ms: the furthest a delivery time may lie from now
     * @throws IllegalDelayException when the deciding property is not a whole number, is negative, or
     *     (a timer property) lies more than {@code maxDelayMs} after now
     */
    public static long resolve(
            String delayLevel,
            String delaySec,
            String delayMs,
            String deliverMs,
            long nowMs,
            DelayLevels levels,
            long maxDelayMs)
            throws IllegalDelayException {
        if (delayLevel != null) {
            long level = parse(MessageProperty.DELAY, delayLevel);
            if (level > 0) {
                return nowMs + levels.delayMs((int) Math.min(level, Integer.MAX_VALUE));
            }
        }
        if (delaySec != null) {
            long seconds = parse(MessageProperty.TIMER_DELAY_SEC, delaySec);
            if (seconds > maxDelayMs / 1000) {
                throw beyond(MessageProperty.TIMER_DELAY_SEC, delaySec, maxDelayMs);
            }
            return relative(MessageProperty.TIMER_DELAY_SEC, delaySec, seconds * 1000, nowMs, maxDelayMs);
        }
        if (delayMs != null) {
            long ms = parse(MessageProperty.TIMER_DELAY_MS, delayMs);
            return relative(MessageProperty.TIMER_DELAY_MS, delayMs, ms, nowMs, maxDelayMs);
        }
        if (deliverMs != null) {
            long at = parse(MessageProperty.TIMER_DELIVER_MS, deliverMs);
            if (at <= nowMs) {
                return nowMs;
            }
            if (at - nowMs > maxDelayMs) {
                throw beyond(MessageProperty.TIMER_DELIVER_MS, deliverMs, maxDelayMs);
            }
            return at;
        }
        return NOT_DELAYED;
    }

    private static long relative(String name, String value, long delay, long nowMs, long maxDelayMs)
            throws IllegalDelayException {
        if (delay > maxDelayMs) {
            throw beyond(name, value, maxDelayMs);
        }
        return delay <= 0 ? nowMs : nowMs + delay;
    }

    private static long parse(String name, String value) throws IllegalDelayException {
        String trimmed = value.trim();
        long parsed;
        try {
            parsed = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalDelayException(name + "=" + value + " is not a whole number");
        }
        if (parsed < 0) {
            throw new IllegalDelayException(name + "=" + value + " is negative");
        }
        return parsed;
    }

    private static IllegalDelayException beyond(String name, String value, long maxDelayMs) {
        String limit = maxDelayMs % 1000 == 0
                ? "timerMaxDelaySec=" + maxDelayMs / 1000
                : "timerMaxDelaySec=" + maxDelayMs / 1000.0;
        String what = name.equals(MessageProperty.TIMER_DELIVER_MS) ? " lies beyond now + " : " exceeds ";
        return new IllegalDelayException(name + "=" + value + what + limit);
    }
}
