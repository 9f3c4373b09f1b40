/**
 * The machinery behind {@link io.ferrymq.dlq.DeadLetterOffice} and {@link io.ferrymq.dlq.RetryRecords}:
 * the {@code dlq} column family ({@link io.ferrymq.dlq.internal.DlqLayout}, {@link
 * io.ferrymq.dlq.internal.DlqLedger}), counts, the DLQ reader, the replayer with its intent/outcome
 * protocol, and the property and record copying that retries, dead letters and replays share. Not an
 * API: the broker uses the root package only.
 */
package io.ferrymq.dlq.internal;
