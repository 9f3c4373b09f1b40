/**
 * The real thing accepts FerryMQ's nameserver: an official Apache RocketMQ broker registers with it
 * and the official client produces and consumes through the routes it serves.
 */
package io.ferrymq.nameserver.compat;
