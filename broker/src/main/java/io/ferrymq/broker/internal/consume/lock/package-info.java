/**
 * Queue locks for orderly consumers: LOCK_BATCH_MQ and UNLOCK_BATCH_MQ over a table of (group,
 * topic, queue) → holder that expires 60 s after the holder's last lock.
 */
package io.ferrymq.broker.internal.consume.lock;
