package io.ferrymq.broker.internal.send;

import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.scheduler.DeliveryTime;
import io.ferrymq.scheduler.IllegalDelayException;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.scheduler.TimerRecords;
import io.ferrymq.scheduler.TimerTopic;
import java.time.Clock;

/**
 * Where a message with delay properties is stored: a delivery time still ahead parks it under {@link
 * TimerTopic} (queue {@link TimerTopic#QUEUE_ID}) with its real topic, queue and delivery time in
 * properties, for the scheduler to deliver; a time now or past stores it on its real topic at once,
 * without the delay properties. A time further than {@code timerMaxDelaySec} ahead, or a value that
 * is not a whole number, is refused with MESSAGE_ILLEGAL naming the property. Thread-safe.
 */
final class DelayPlacement {
    private final TimerConfig timers;
    private final Clock clock;

    DelayPlacement(TimerConfig timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Where and with which properties a message goes.
     *
     * @param half a transaction's half message: its sysFlag loses the transaction type
     */
    record Placement(String topic, int queueId, byte[] properties, boolean parked, boolean half) {}

    /**
     * @param properties the stored property string (the broker's additions included)
     * @return {@code null} when the message is not delayed: store it as sent
     */
    Placement place(SpecialProperties special, byte[] properties, String topic, int queueId) throws SendRejection {
        if (!special.hasDelay()) {
            return null;
        }
        long now = clock.millis();
        long deliverAt;
        try {
            deliverAt = DeliveryTime.resolve(
                    special.delay(),
                    special.delaySec(),
                    special.delayMs(),
                    special.deliverMs(),
                    now,
                    timers.delayLevels(),
                    timers.maxDelayMs());
        } catch (IllegalDelayException e) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        if (deliverAt == DeliveryTime.NOT_DELAYED || deliverAt <= now) {
            return new Placement(topic, queueId, TimerRecords.deliverableProperties(properties), false, false);
        }
        try {
            return new Placement(
                    TimerTopic.NAME,
                    TimerTopic.QUEUE_ID,
                    TimerRecords.scheduledProperties(properties, topic, queueId, deliverAt),
                    true,
                    false);
        } catch (IllegalArgumentException e) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
    }
}
