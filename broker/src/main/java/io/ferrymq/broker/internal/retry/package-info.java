/**
 * Retries and dead letters on the broker: CONSUMER_SEND_MSG_BACK, sends to a retry topic past their
 * limit, and FerryMQ's admin requests over dead-letter queues. The rules live in the {@code dlq}
 * module; this package wires them to requests, topics and groups.
 */
package io.ferrymq.broker.internal.retry;
