/**
 * Request/response round trips over loopback through FerryMQ's remoting and, as the baseline,
 * through Apache RocketMQ's own remoting layer, each in a fresh JVM on its own classpath.
 */
package io.ferrymq.bench.remoting;
