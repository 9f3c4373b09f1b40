/**
 * Custom headers of the nameserver requests and responses (REGISTER_BROKER, GET_ROUTEINFO_BY_TOPIC,
 * KV config, ...): one record per kind, component names being RocketMQ's field names on the wire.
 * Bind them with {@link io.ferrymq.protocol.header.HeaderBinding}. Immutable and thread-safe.
 */
package io.ferrymq.protocol.header.namesrv;
