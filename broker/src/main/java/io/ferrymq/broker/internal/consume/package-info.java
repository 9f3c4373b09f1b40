/**
 * The consume side of the broker: everything a consumer (and the admin tooling) asks after messages
 * are stored — client registry and heartbeats, pulls with long polling, consumer offsets, queue
 * locks, message queries, subscription groups and admin statistics. {@link
 * io.ferrymq.broker.internal.consume.ConsumeSide} builds the parts and registers their handlers;
 * sub-packages hold one concern each and depend only on {@code wire}, {@code group} and each other
 * downstream (client → group; pull → client, offset; admin → all).
 */
package io.ferrymq.broker.internal.consume;
