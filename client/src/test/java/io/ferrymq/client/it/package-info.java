/**
 * Integration tests of the client against a real cluster on loopback: each {@code …Contract}
 * runs against FerryMQ's broker ({@code …OnFerryIT}) and the official one ({@code …OnOfficialIT}),
 * through a {@link io.ferrymq.client.it.ClusterFixture}.
 */
package io.ferrymq.client.it;
