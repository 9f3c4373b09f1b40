/**
 * The broker's face of the transaction module: END_TRANSACTION, the check-backs sent to producers
 * (CHECK_TRANSACTION_STATE), and FerryMQ's admin requests over unsettled half messages. Half-message
 * sends are routed in {@code internal.send}.
 */
package io.ferrymq.broker.internal.transaction;
