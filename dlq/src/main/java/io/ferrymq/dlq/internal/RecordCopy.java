package io.ferrymq.dlq.internal;

import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * Copies what a retry, a dead letter or a replay keeps of a stored record onto a new message: flag,
 * sysFlag, born time and host (the address bytes as stored, so a v6 host stays v6), body (as stored,
 * so still compressed when the sysFlag says so) with its CRC, and the raw property bytes. Stateless.
 */
public final class RecordCopy {
    private RecordCopy() {}

    /** A builder holding the kept fields of {@code record}; the caller sets topic, queue, hosts and the rest. */
    public static EncodableMessage.Builder keptFields(StoredRecord record) {
        ByteBuffer buffer = record.buffer();
        int sysFlag = record.sysFlag();
        int bornAt = record.position() + MessageRecordLayout.BORN_HOST_OFFSET;
        int bornLength = MessageRecordLayout.bornHostSize(sysFlag) - 4;
        byte[] bornAddress = new byte[bornLength];
        buffer.get(bornAt, bornAddress);
        byte[] body = new byte[record.bodyLength()];
        buffer.get(record.bodyPosition(), body);
        return EncodableMessage.builder()
                .flag(record.flag())
                .sysFlag(sysFlag)
                .bornTimestamp(record.bornTimestamp())
                .bornHost(bornAddress, buffer.getInt(bornAt + bornLength))
                .body(body)
                .bodyCrc(record.bodyCrc());
    }

    /** The store host of {@code record}: its address bytes as stored and its port. */
    public static byte[] storeHostAddress(StoredRecord record) {
        int sysFlag = record.sysFlag();
        byte[] address = new byte[MessageRecordLayout.storeHostSize(sysFlag) - 4];
        record.buffer().get(record.position() + MessageRecordLayout.storeHostOffset(sysFlag), address);
        return address;
    }

    /** The raw property bytes of {@code record}. */
    public static byte[] properties(StoredRecord record) {
        byte[] properties = new byte[record.propertiesLength()];
        record.buffer().get(record.propertiesPosition(), properties);
        return properties;
    }
}
