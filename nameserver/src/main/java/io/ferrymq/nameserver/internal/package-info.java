/**
 * The nameserver's state and background work: the {@link io.ferrymq.nameserver.internal.RouteRegistry}
 * (clusters, broker groups, live brokers, per-topic queue data) that REGISTER_BROKER writes and route
 * lookups read, the KV config store, broker expiry ({@link io.ferrymq.nameserver.internal.BrokerExpiryAgent})
 * and the channel listener that drops a broker when its connection goes away.
 */
package io.ferrymq.nameserver.internal;
