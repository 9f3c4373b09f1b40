/**
 * The broker: puts the {@link io.ferrymq.consumequeue.MessageStore} on the wire. One handler per
 * request kind, each on the executor of its kind; topic and subscription-group config and consumer
 * offsets in RocksDB; registration with every nameserver; long polling on the dispatcher.
 */
package io.ferrymq.broker;
