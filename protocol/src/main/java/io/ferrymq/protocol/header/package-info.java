/**
 * Typed custom headers: one record per request or response kind, its component names being the
 * RocketMQ field names on the wire, and {@link io.ferrymq.protocol.header.HeaderBinding} to move them
 * in and out of a command's {@code extFields}.
 */
package io.ferrymq.protocol.header;
