package io.ferrymq.protocol.message;

import static io.ferrymq.protocol.message.MessageRecordLayout.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * A reusable read-only view of one stored-message record ({@link MessageRecordLayout}) in place in a
 * buffer: {@link #wrap} it at a position, read fields, wrap it again at the next. Absolute reads only;
 * nothing is allocated except the Strings, maps, addresses and slices a caller asks for.
 *
 * <p>Fields are read on demand and not checked: call {@link #validate} first on bytes that may be
 * damaged. Fixed fields can be read from a record cut short, as long as the bytes are present.
 *
 * <p>Not thread-safe: one instance per reading thread.
 */
public final class StoredRecord {
    /** What {@link #validate} returns for a blank (end-of-segment filler) record. */
    public static final int BLANK = 0;

    private ByteBuffer buffer;
    private int position;

    /** Points this view at the record starting at absolute {@code position}. */
    public StoredRecord wrap(ByteBuffer buffer, int position) {
        if (buffer.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("stored-message records are big-endian; the buffer is little-endian");
        }
        this.buffer = buffer;
        this.position = position;
        return this;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** Absolute position of the record in {@link #buffer()}. */
    public int position() {
        return position;
    }

    /** Absolute position just past this record: where the next one starts. */
    public int nextPosition() {
        return position + totalSize();
    }

    public int totalSize() {
        return buffer.getInt(position + TOTAL_SIZE_OFFSET);
    }

    public int magic() {
        return buffer.getInt(position + MAGIC_OFFSET);
    }

    public boolean isBlank() {
        return magic() == BLANK_MAGIC;
    }

    public int bodyCrc() {
        return buffer.getInt(position + BODY_CRC_OFFSET);
    }

    public int queueId() {
        return buffer.getInt(position + QUEUE_ID_OFFSET);
    }

    public int flag() {
        return buffer.getInt(position + FLAG_OFFSET);
    }

    public long queueOffset() {
        return buffer.getLong(position + QUEUE_OFFSET_OFFSET);
    }

    public long physicalOffset() {
        return buffer.getLong(position + PHYSICAL_OFFSET_OFFSET);
    }

    public int sysFlag() {
        return buffer.getInt(position + SYS_FLAG_OFFSET);
    }

    public long bornTimestamp() {
        return buffer.getLong(position + BORN_TIMESTAMP_OFFSET);
    }

    /** Allocates the address. */
    public InetSocketAddress bornHost() {
        return host(position + BORN_HOST_OFFSET, bornHostSize(sysFlag()) - 4);
    }

    public int bornHostPort() {
        int sysFlag = sysFlag();
        return buffer.getInt(position + BORN_HOST_OFFSET + bornHostSize(sysFlag) - 4);
    }

    public long storeTimestamp() {
        return buffer.getLong(position + storeTimestampOffset(sysFlag()));
    }

    /** Allocates the address. */
    public InetSocketAddress storeHost() {
        int sysFlag = sysFlag();
        return host(position + storeHostOffset(sysFlag), storeHostSize(sysFlag) - 4);
    }

    public int storeHostPort() {
        int sysFlag = sysFlag();
        return buffer.getInt(position + storeHostOffset(sysFlag) + storeHostSize(sysFlag) - 4);
    }

    public int reconsumeTimes() {
        return buffer.getInt(position + reconsumeTimesOffset(sysFlag()));
    }

    public long preparedTransactionOffset() {
        return buffer.getLong(position + preparedTransactionOffsetOffset(sysFlag()));
    }

    public int bodyLength() {
        return buffer.getInt(position + bodyLengthOffset(sysFlag()));
    }

    /** Absolute position of the body's first byte. */
    public int bodyPosition() {
        return position + bodyLengthOffset(sysFlag()) + BODY_LENGTH_SIZE;
    }

    /** A read-only slice over the body; allocates the slice, not the bytes. */
    public ByteBuffer bodySlice() {
        return buffer.slice(bodyPosition(), bodyLength()).asReadOnlyBuffer();
    }

    /** Whether the body matches BODYCRC. */
    public boolean verifyBodyCrc() {
        return MessageRecordLayout.bodyCrc(buffer, bodyPosition(), bodyLength()) == bodyCrc();
    }

    /** Topic length in bytes. */
    public int topicLength() {
        int at = topicLengthPosition();
        return magic() == MAGIC_V2 ? buffer.getShort(at) & 0xFFFF : buffer.get(at) & 0xFF;
    }

    /** Absolute position of the topic's first byte. */
    public int topicPosition() {
        return topicLengthPosition() + topicLengthSize(magic());
    }

    /** Allocates the String. */
    public String topic() {
        return Utf8Bytes.string(buffer, topicPosition(), topicLength());
    }

    /** Whether the topic is {@code topic}; no allocation for ASCII topics. */
    public boolean topicEquals(String topic) {
        return Utf8Bytes.equals(buffer, topicPosition(), topicLength(), topic);
    }

    public boolean topicEquals(byte[] utf8Topic) {
        return Utf8Bytes.equals(buffer, topicPosition(), topicLength(), utf8Topic);
    }

    public int propertiesLength() {
        return buffer.getShort(propertiesLengthPosition()) & 0xFFFF;
    }

    /** Absolute position of the property string's first byte. */
    public int propertiesPosition() {
        return propertiesLengthPosition() + PROPERTIES_LENGTH_SIZE;
    }

    /** The value of one property, or null; allocates only the value. */
    public String property(String name) {
        int at = propertiesLengthPosition();
        return MessageProperties.find(buffer, at + PROPERTIES_LENGTH_SIZE, buffer.getShort(at) & 0xFFFF, name);
    }

    /** All properties; allocates the map. */
    public Map<String, String> properties() {
        int at = propertiesLengthPosition();
        return MessageProperties.parse(buffer, at + PROPERTIES_LENGTH_SIZE, buffer.getShort(at) & 0xFFFF);
    }

    /** {@code String.hashCode()} of the TAGS property, 0 without one: the consume-queue tags code. */
    public int tagsHashCode() {
        int at = propertiesLengthPosition();
        return MessageProperties.valueHashCode(
                buffer, at + PROPERTIES_LENGTH_SIZE, buffer.getShort(at) & 0xFFFF, MessageProperty.TAGS);
    }

    /** The offset message id of this record (STOREHOST + PHYSICALOFFSET); allocates the String. */
    public String offsetMessageId() {
        int sysFlag = sysFlag();
        int at = position + storeHostOffset(sysFlag);
        int addressLength = storeHostSize(sysFlag) - 4;
        return MessageIds.offsetMessageId(
                buffer, at, addressLength, buffer.getInt(at + addressLength), physicalOffset());
    }

    private int topicLengthPosition() {
        int at = position + bodyLengthOffset(sysFlag());
        return at + BODY_LENGTH_SIZE + buffer.getInt(at);
    }

    private int propertiesLengthPosition() {
        return topicPosition() + topicLength();
    }

    private InetSocketAddress host(int at, int addressLength) {
        byte[] address = new byte[addressLength];
        buffer.get(at, address);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), buffer.getInt(at + addressLength));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: a 4- or 16-byte address", e);
        }
    }

    /** {@link #validate(ByteBuffer, int, int, int)} with {@link MessageRecordLayout#DEFAULT_MAX_RECORD_SIZE}. */
    public static int validate(ByteBuffer buffer, int position, int limit) {
        return validate(buffer, position, limit, DEFAULT_MAX_RECORD_SIZE);
    }

    /**
     * Checks the record at absolute {@code position}, which must end at or before {@code limit}: magic,
     * size bounds, that the inner lengths add up to TOTALSIZE exactly, and the body CRC.
     *
     * @return the record's size if it is a sound message record; {@link #BLANK} for a blank record
     *     (its size is its TOTALSIZE); otherwise the negative {@link RecordDefect#code()} of the first
     *     defect found
     */
    public static int validate(ByteBuffer buffer, int position, int limit, int maxRecordSize) {
        int remaining = limit - position;
        if (remaining < 0) {
            return RecordDefect.TRUNCATED.code();
        }
        if (remaining < BLANK_MIN_SIZE) {
            return allZero(buffer, position, limit) ? RecordDefect.EMPTY.code() : RecordDefect.TRUNCATED.code();
        }
        int size = buffer.getInt(position + TOTAL_SIZE_OFFSET);
        int magic = buffer.getInt(position + MAGIC_OFFSET);
        if (magic == BLANK_MAGIC) {
            return checkBlank(size, remaining);
        }
        if (!isMessageMagic(magic)) {
            return size == 0 && magic == 0 ? RecordDefect.EMPTY.code() : RecordDefect.BAD_MAGIC.code();
        }
        if (size < MIN_RECORD_SIZE) {
            return RecordDefect.SIZE_TOO_SMALL.code();
        }
        if (size > maxRecordSize) {
            return RecordDefect.SIZE_TOO_LARGE.code();
        }
        if (size > remaining) {
            return RecordDefect.TRUNCATED.code();
        }
        int bodyPosition = checkLengths(buffer, position, size, magic);
        if (bodyPosition < 0) {
            return RecordDefect.LENGTH_MISMATCH.code();
        }
        int bodyLength = buffer.getInt(bodyPosition - BODY_LENGTH_SIZE);
        int crc = MessageRecordLayout.bodyCrc(buffer, bodyPosition, bodyLength);
        return crc == buffer.getInt(position + BODY_CRC_OFFSET) ? size : RecordDefect.BODY_CRC_MISMATCH.code();
    }

    private static int checkBlank(int size, int remaining) {
        if (size < BLANK_MIN_SIZE) {
            return RecordDefect.SIZE_TOO_SMALL.code();
        }
        return size > remaining ? RecordDefect.TRUNCATED.code() : BLANK;
    }

    /** The body's absolute position if the lengths add up to {@code size}, else -1. */
    private static int checkLengths(ByteBuffer buffer, int position, int size, int magic) {
        int bodyLengthOffset = bodyLengthOffset(buffer.getInt(position + SYS_FLAG_OFFSET));
        int topicLengthSize = topicLengthSize(magic);
        int overhead = bodyLengthOffset + BODY_LENGTH_SIZE + topicLengthSize + PROPERTIES_LENGTH_SIZE;
        if (overhead > size) {
            return -1;
        }
        int bodyLength = buffer.getInt(position + bodyLengthOffset);
        if (bodyLength < 0 || bodyLength > size - overhead) {
            return -1;
        }
        int bodyPosition = position + bodyLengthOffset + BODY_LENGTH_SIZE;
        int topicLengthAt = bodyPosition + bodyLength;
        int topicLength = magic == MAGIC_V1 ? buffer.get(topicLengthAt) : buffer.getShort(topicLengthAt);
        if (topicLength < 0 || topicLength > size - overhead - bodyLength) {
            return -1;
        }
        int propertiesLengthAt = topicLengthAt + topicLengthSize + topicLength;
        int propertiesLength = buffer.getShort(propertiesLengthAt);
        if (propertiesLength < 0 || propertiesLengthAt + PROPERTIES_LENGTH_SIZE + propertiesLength != position + size) {
            return -1;
        }
        return bodyPosition;
    }

    private static boolean allZero(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
