/**
 * The broker's topics: the RocksDB-backed table with its data version, the system topics created at
 * start, and the topic-name rules applied to sends.
 */
package io.ferrymq.broker.internal.topic;
