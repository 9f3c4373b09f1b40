/**
 * The message store the broker uses ({@link io.ferrymq.consumequeue.MessageStore}): appends into the
 * commit log, and reads through the indexes the dispatcher builds from it: per-queue consume queues
 * (pull by queue offset, search by time), the key/unique-id index in hash-index files (QUERY_MESSAGE),
 * and reads by physical offset. {@link io.ferrymq.consumequeue.DispatchListener}s hear each message as
 * it becomes readable; {@link io.ferrymq.consumequeue.StoreDb} shares the store's RocksDB with later
 * modules. Sits between {@code commitlog} below and the scheduler, transaction and broker modules above.
 *
 * <p>On disk, under {@code storePathRootDir}:
 *
 * <pre>
 *  commitlog/                 the commit log's segments (module commitlog)
 *  consumequeue/topic/queue/  consume-queue files, 20-byte entries (ConsumeQueueLayout)
 *  index/                     key-index files, a hash-slot table and 32-byte entries (IndexFileLayout)
 *  rocksdb/                   the shared RocksDB: the queue manifest ({@code queues}) and later modules'
 *  checkpoint, abort, lock    the store directory's own files (module commitlog)
 * </pre>
 */
package io.ferrymq.consumequeue;
