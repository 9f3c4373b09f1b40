/**
 * The machinery behind {@link io.ferrymq.transaction.TransactionCoordinator}: the durable {@link
 * io.ferrymq.transaction.internal.TransactionIndex} in RocksDB and its layouts, the {@link
 * io.ferrymq.transaction.internal.HalfLedger} that moves halves between states, and the {@link
 * io.ferrymq.transaction.internal.TransactionAgent} whose steps index the half topic, decide END
 * requests, append commits, settle them, check back due halves and prune settled records. Not an API:
 * the broker uses the root package only.
 */
package io.ferrymq.transaction.internal;
