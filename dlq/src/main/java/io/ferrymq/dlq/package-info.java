/**
 * Retries and dead letters, the API the broker uses for CONSUMER_SEND_MSG_BACK, sends to {@code
 * %RETRY%} topics and the DLQ admin requests: a group's back-off ({@link io.ferrymq.dlq.RetryPolicy},
 * read by {@link io.ferrymq.dlq.RetryPolicies}); the decision retry-or-dead-letter ({@link
 * io.ferrymq.dlq.SendBackPlanner}); the new message either becomes ({@link
 * io.ferrymq.dlq.RetryRecords}, a delayed retry parked for the scheduler like a delayed send); topic
 * names ({@link io.ferrymq.dlq.RetryTopics}); and the dead-letter tools with their durable state
 * ({@link io.ferrymq.dlq.DeadLetterOffice}: counts, list, view, replay). Sits on the {@code
 * consumequeue} store and the {@code scheduler}'s record formats.
 */
package io.ferrymq.dlq;
