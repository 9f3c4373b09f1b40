/**
 * JSON bodies of the nameserver protocol and the route model shared by broker, client and
 * nameserver: topic routes ({@link io.ferrymq.protocol.route.TopicRouteData}), broker groups,
 * cluster info, the broker's registration body in its JSON and compressed forms, KV tables, topic
 * lists, data versions and the permission bits. Every model is an immutable record; encode and
 * decode them with {@link io.ferrymq.protocol.route.JsonBodyCodec} so that map keys come out quoted
 * the way every client parses them.
 */
package io.ferrymq.protocol.route;
