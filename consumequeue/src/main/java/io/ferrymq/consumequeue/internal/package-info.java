/**
 * The machinery behind {@link io.ferrymq.consumequeue.MessageStore}: per-queue index files ({@link
 * io.ferrymq.consumequeue.internal.ConsumeQueue}), the key/id index in append-only hash-index
 * files ({@link io.ferrymq.consumequeue.internal.KeyIndex}), the queue-offset assigner the commit log's appender
 * calls, and the {@link io.ferrymq.consumequeue.internal.DispatchAgent} that tails the commit log and
 * builds all of them. Recovery ({@link io.ferrymq.consumequeue.internal.StoreRecovery}) trusts the
 * commit log and rebuilds the rest from it. Not an API: the broker uses the root package only.
 */
package io.ferrymq.consumequeue.internal;
