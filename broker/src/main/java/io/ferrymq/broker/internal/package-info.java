/** The broker's parts: handlers per request kind, tables in RocksDB, registration, long polling. */
package io.ferrymq.broker.internal;
