/**
 * The message store the broker uses ({@link io.ferrymq.consumequeue.MessageStore}): appends into the
 * commit log, and reads through the indexes the dispatcher builds from it: per-queue consume queues
 * (pull by queue offset, search by time), the key/unique-id index in RocksDB (QUERY_MESSAGE), and
 * reads by physical offset. {@link io.ferrymq.consumequeue.DispatchListener}s hear each message as it
 * becomes readable; {@link io.ferrymq.consumequeue.StoreDb} shares the store's RocksDB with later
 * modules. Sits between {@code commitlog} below and the scheduler, transaction and broker modules above.
 */
package io.ferrymq.consumequeue;
