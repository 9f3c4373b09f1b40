/** The official Apache RocketMQ servers, started as child JVMs: oracles for compatibility tests. */
package io.ferrymq.testkit.official;
