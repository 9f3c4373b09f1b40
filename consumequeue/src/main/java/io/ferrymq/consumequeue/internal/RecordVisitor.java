package io.ferrymq.consumequeue.internal;

import io.ferrymq.protocol.message.StoredRecord;

/** Receives each message record a {@link LogScanner} walks over; the view is valid during the call only. */
@FunctionalInterface
interface RecordVisitor {
    void visit(StoredRecord record, long physicalOffset);
}
