/**
 * End-to-end load: the official Apache RocketMQ client drives FerryMQ and Apache RocketMQ 5.5.0, each
 * started as separate nameserver and broker processes on loopback with equal heap settings, and the
 * figures are printed side by side with their ratios.
 */
package io.ferrymq.bench.e2e;
