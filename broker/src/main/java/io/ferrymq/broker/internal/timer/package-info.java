/**
 * The broker's face of the scheduler: FerryMQ's admin requests over delayed messages (statistics,
 * cancellation). Sends with delay properties are routed in {@code internal.send}.
 */
package io.ferrymq.broker.internal.timer;
