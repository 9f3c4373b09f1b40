/**
 * The producer's way in: SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE. Each request is
 * checked (topic, permissions, queue, sizes), its topic auto-created when allowed, the broker's
 * properties added, and the record appended; the response is written when the append completes, so
 * no thread waits for a flush.
 */
package io.ferrymq.broker.internal.send;
