/**
 * Subscription-group config (RocketMQ's {@code SubscriptionGroupConfig}) kept in the store's RocksDB
 * (column family {@code groups}): created by admin requests or automatically on a heartbeat or pull.
 */
package io.ferrymq.broker.internal.consume.group;
