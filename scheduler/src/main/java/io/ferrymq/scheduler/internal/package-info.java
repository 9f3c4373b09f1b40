/**
 * The machinery behind {@link io.ferrymq.scheduler.DelayedDelivery}: the durable {@link
 * io.ferrymq.scheduler.internal.TimerIndex} in RocksDB and its layout, the {@link
 * io.ferrymq.scheduler.internal.IndexAgent} that writes it (tailing the timer topic, settling, loading
 * the near future), the {@link io.ferrymq.scheduler.internal.TimerWheel} and the {@link
 * io.ferrymq.scheduler.internal.WheelDriver} that fires from it, and the primitive buffers between
 * them. Not an API: the broker uses the root package only.
 */
package io.ferrymq.scheduler.internal;
