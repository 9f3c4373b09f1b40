/** {@code bin/benchmark timers}: FerryMQ's scheduler at scale over a real store. */
package io.ferrymq.bench.timer;
