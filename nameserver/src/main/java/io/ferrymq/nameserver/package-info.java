/**
 * The nameserver: a stateless routing registry. Brokers register with it every 30 s and it drops
 * those that go silent or disconnect; clients ask it where a topic's queues live. Start one with
 * {@link io.ferrymq.nameserver.NameServer} (embedded) or {@link io.ferrymq.nameserver.NameServerMain}
 * ({@code bin/mqnamesrv}); configure it with {@link io.ferrymq.nameserver.NameServerConfig}.
 */
package io.ferrymq.nameserver;
