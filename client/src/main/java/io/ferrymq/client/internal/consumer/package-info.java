/**
 * The push consumer's machinery: rebalancing and queue allocation, long-polling pull loop, pull-body
 * decoding and tag re-filtering, per-queue process queues with flow control, concurrent and orderly
 * dispatch, retries back to the broker, offset stores (broker or local file), and queue locks. Not API.
 */
package io.ferrymq.client.internal.consumer;
