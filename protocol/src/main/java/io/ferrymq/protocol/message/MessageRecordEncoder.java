package io.ferrymq.protocol.message;

import static io.ferrymq.protocol.message.MessageRecordLayout.*;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes stored-message records ({@link MessageRecordLayout}) into heap, direct or mapped buffers, and
 * patches the appender-owned fields of records already written. Absolute writes only; nothing is
 * allocated.
 *
 * <p>Stateless; safe from any thread, though a buffer region must have one writer at a time.
 */
public final class MessageRecordEncoder {
    private MessageRecordEncoder() {}

    /**
     * Writes one record at {@code dst.position()} and advances the position past it.
     *
     * @return the record size
     * @throws BufferOverflowException if the record does not fit; nothing is written then
     */
    public static int encode(
            ByteBuffer dst, EncodableMessage message, long queueOffset, long physicalOffset, long storeTimestampMs) {
        int size = encodeAt(dst, dst.position(), message, queueOffset, physicalOffset, storeTimestampMs);
        dst.position(dst.position() + size);
        return size;
    }

    /**
     * Writes one record at absolute {@code index}; the buffer's position is not moved.
     *
     * @return the record size
     * @throws BufferOverflowException if the record does not fit before the limit; nothing is written
     */
    public static int encodeAt(
            ByteBuffer dst,
            int index,
            EncodableMessage m,
            long queueOffset,
            long physicalOffset,
            long storeTimestampMs) {
        checkOrder(dst);
        int size = m.recordSize();
        if (index < 0 || size > dst.limit() - index) {
            throw new BufferOverflowException();
        }
        int sysFlag = m.sysFlag();
        byte[] topic = m.topic();
        int magic = magicFor(topic.length);
        dst.putInt(index + TOTAL_SIZE_OFFSET, size);
        dst.putInt(index + MAGIC_OFFSET, magic);
        dst.putInt(index + BODY_CRC_OFFSET, m.bodyCrc());
        dst.putInt(index + QUEUE_ID_OFFSET, m.queueId());
        dst.putInt(index + FLAG_OFFSET, m.flag());
        dst.putLong(index + QUEUE_OFFSET_OFFSET, queueOffset);
        dst.putLong(index + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        dst.putInt(index + SYS_FLAG_OFFSET, sysFlag);
        dst.putLong(index + BORN_TIMESTAMP_OFFSET, m.bornTimestamp());
        int at = putHost(dst, index + BORN_HOST_OFFSET, m.bornHostAddress(), m.bornHostPort());
        dst.putLong(at, storeTimestampMs);
        at = putHost(dst, at + 8, m.storeHostAddress(), m.storeHostPort());
        dst.putInt(at, m.reconsumeTimes());
        dst.putLong(at + 4, m.preparedTransactionOffset());
        at += 12;
        dst.putInt(at, m.bodyLength());
        dst.put(at + 4, m.body(), m.bodyOffset(), m.bodyLength());
        at += 4 + m.bodyLength();
        if (magic == MAGIC_V1) {
            dst.put(at, (byte) topic.length);
            at += 1;
        } else {
            dst.putShort(at, (short) topic.length);
            at += 2;
        }
        dst.put(at, topic);
        at += topic.length;
        byte[] properties = m.properties();
        dst.putShort(at, (short) properties.length);
        dst.put(at + 2, properties);
        return size;
    }

    /**
     * Writes a blank (end-of-segment filler) record header at absolute {@code index}: {@code
     * [totalSize][BLANK_MAGIC]}. The remaining {@code totalSize - 8} bytes are left as they are.
     */
    public static void writeBlank(ByteBuffer dst, int index, int totalSize) {
        checkOrder(dst);
        if (totalSize < BLANK_MIN_SIZE) {
            throw new IllegalArgumentException("a blank record needs at least 8 bytes, not " + totalSize);
        }
        if (index < 0 || totalSize > dst.limit() - index) {
            throw new BufferOverflowException();
        }
        dst.putInt(index + TOTAL_SIZE_OFFSET, totalSize);
        dst.putInt(index + MAGIC_OFFSET, BLANK_MAGIC);
    }

    /** Rewrites QUEUEOFFSET of the record at absolute {@code recordPosition}. */
    public static void patchQueueOffset(ByteBuffer record, int recordPosition, long queueOffset) {
        checkOrder(record);
        record.putLong(recordPosition + QUEUE_OFFSET_OFFSET, queueOffset);
    }

    /** Rewrites PHYSICALOFFSET of the record at absolute {@code recordPosition}. */
    public static void patchPhysicalOffset(ByteBuffer record, int recordPosition, long physicalOffset) {
        checkOrder(record);
        record.putLong(recordPosition + PHYSICAL_OFFSET_OFFSET, physicalOffset);
    }

    /** Rewrites STORETIMESTAMP, which sits 12 bytes later when the born host is v6. */
    public static void patchStoreTimestamp(ByteBuffer record, int recordPosition, long storeTimestampMs) {
        checkOrder(record);
        int sysFlag = record.getInt(recordPosition + SYS_FLAG_OFFSET);
        record.putLong(recordPosition + storeTimestampOffset(sysFlag), storeTimestampMs);
    }

    private static int putHost(ByteBuffer dst, int at, byte[] address, int port) {
        dst.put(at, address);
        dst.putInt(at + address.length, port);
        return at + address.length + 4;
    }

    private static void checkOrder(ByteBuffer dst) {
        if (dst.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("stored-message records are big-endian; the buffer is little-endian");
        }
    }
}
