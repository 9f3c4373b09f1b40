/**
 * Delayed delivery, the scheduler's API for the broker: {@link io.ferrymq.scheduler.DelayLevels} and
 * {@link io.ferrymq.scheduler.DeliveryTime} turn a message's delay properties into a delivery time
 * (or an {@link io.ferrymq.scheduler.IllegalDelayException}); {@link io.ferrymq.scheduler.TimerRecords}
 * parks a message under {@link io.ferrymq.scheduler.TimerTopic} and releases it again; {@link
 * io.ferrymq.scheduler.DelayedDelivery} indexes parked messages durably by delivery time, holds the
 * near future in layered time wheels, and re-appends each message to its real topic when due. Sits on
 * the {@code consumequeue} module's store; the broker (and later the retry and transaction modules)
 * use it.
 */
package io.ferrymq.scheduler;
