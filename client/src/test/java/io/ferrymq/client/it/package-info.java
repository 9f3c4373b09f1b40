/**
 * Integration tests of the client against a real cluster on loopback; which broker it is lives only in
 * {@link io.ferrymq.client.it.ClusterFixture}.
 */
package io.ferrymq.client.it;
