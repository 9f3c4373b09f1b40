package io.ferrymq.protocol.message;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The stored-message record (wire-protocol §6.1), as the commit log keeps it and as a pull response
 * body carries it, records concatenated with nothing between them. All integers are big-endian.
 * Offsets below are for IPv4 born and store hosts:
 *
 * <pre>
 *  offset size  field
 *  0      4     TOTALSIZE        whole record, this field included
 *  4      4     MAGICCODE        MAGIC_V1 (1-byte topic length) or MAGIC_V2 (int16 topic length)
 *  8      4     BODYCRC          CRC32 of the stored body, top bit cleared (as Apache writes it)
 *  12     4     QUEUEID
 *  16     4     FLAG             user flag
 *  20     8     QUEUEOFFSET      logical offset in (topic, queueId)
 *  28     8     PHYSICALOFFSET   commit-log offset of this record
 *  36     4     SYSFLAG          {@link MessageSysFlag}
 *  40     8     BORNTIMESTAMP    ms
 *  48     8|20  BORNHOST         4-byte address + int32 port; 16-byte address if SYSFLAG &amp; 0x10
 *  56     8     STORETIMESTAMP   ms                                 (+12 if born host is v6)
 *  64     8|20  STOREHOST        as BORNHOST, v6 if SYSFLAG &amp; 0x20   (+12 if born host is v6)
 *  72     4     RECONSUMETIMES                                      (+12 per v6 host)
 *  76     8     PREPARED_TRANSACTION_OFFSET                         (+12 per v6 host)
 *  84     4     BODY length n    (FIXED_PART; 96 with one v6 host, 108 with both)
 *  88     n     BODY             compressed if SYSFLAG &amp; 0x1
 *  ..     1|2   TOPIC length t   signed byte for V1, int16 for V2
 *  ..     t     TOPIC            UTF-8
 *  ..     2     PROPERTIES length p (int16, at most 32767)
 *  ..     p     PROPERTIES       {@link MessageProperties}
 * </pre>
 *
 * <p>V1 is used whenever the topic is at most 127 UTF-8 bytes (4.9.x clients understand only V1);
 * V2 only for longer topics.
 *
 * <p>FerryMQ's own end-of-segment filler is a <em>blank record</em>: {@code [TOTALSIZE
 * int32][BLANK_MAGIC int32]} followed by {@code TOTALSIZE - 8} bytes of no meaning, covering the rest
 * of a segment. It never leaves the broker.
 *
 * <p>Stateless; all members are constants or pure functions, safe from any thread.
 */
public final class MessageRecordLayout {
    /** Magic of a record with a 1-byte topic length: {@code 0xDAA320A7}. */
    public static final int MAGIC_V1 = 0xDAA320A7;
    /** Magic of a record with an int16 topic length: {@code 0xDAA320AB}. */
    public static final int MAGIC_V2 = 0xDAA320AB;
    /** Magic of FerryMQ's end-of-segment filler record; distinct from both message magics. */
    public static final int BLANK_MAGIC = 0xCBD43194;

    public static final int TOTAL_SIZE_OFFSET = 0;
    public static final int MAGIC_OFFSET = 4;
    public static final int BODY_CRC_OFFSET = 8;
    public static final int QUEUE_ID_OFFSET = 12;
    public static final int FLAG_OFFSET = 16;
    public static final int QUEUE_OFFSET_OFFSET = 20;
    public static final int PHYSICAL_OFFSET_OFFSET = 28;
    public static final int SYS_FLAG_OFFSET = 36;
    public static final int BORN_TIMESTAMP_OFFSET = 40;
    public static final int BORN_HOST_OFFSET = 48;
    /** For a v4 born host; see {@link #storeTimestampOffset(int)}. */
    public static final int STORE_TIMESTAMP_OFFSET = 56;
    /** For a v4 born host; see {@link #storeHostOffset(int)}. */
    public static final int STORE_HOST_OFFSET = 64;
    /** For v4 hosts; see {@link #reconsumeTimesOffset(int)}. */
    public static final int RECONSUME_TIMES_OFFSET = 72;
    /** For v4 hosts; see {@link #preparedTransactionOffsetOffset(int)}. */
    public static final int PREPARED_TRANSACTION_OFFSET_OFFSET = 76;
    /** Bytes before the body-length field with v4 hosts; also the body-length field's offset. */
    public static final int FIXED_PART = 84;

    /** A host field with an IPv4 address: 4-byte address + int32 port. */
    public static final int IPV4_HOST_SIZE = 8;
    /** A host field with an IPv6 address: 16-byte address + int32 port. */
    public static final int IPV6_HOST_SIZE = 20;
    /** How far every later field moves per IPv6 host. */
    public static final int IPV6_SHIFT = IPV6_HOST_SIZE - IPV4_HOST_SIZE;

    public static final int BODY_LENGTH_SIZE = 4;
    public static final int PROPERTIES_LENGTH_SIZE = 2;
    /** Longest topic (UTF-8 bytes) a V1 record can carry. */
    public static final int MAX_V1_TOPIC_LENGTH = 127;
    /** Longest topic (UTF-8 bytes) any record can carry. */
    public static final int MAX_TOPIC_LENGTH = Short.MAX_VALUE;
    /** Longest property string (bytes). */
    public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;
    /** The smallest well-formed message record: v4 hosts, empty body, empty topic and properties. */
    public static final int MIN_RECORD_SIZE = FIXED_PART + BODY_LENGTH_SIZE + 1 + PROPERTIES_LENGTH_SIZE;
    /** The smallest blank record: its size and magic. */
    public static final int BLANK_MIN_SIZE = 8;
    /** Bytes of a record besides its body, at most (two v6 hosts, longest topic and properties). */
    public static final int MAX_OVERHEAD =
            FIXED_PART + 2 * IPV6_SHIFT + BODY_LENGTH_SIZE + 2 + MAX_TOPIC_LENGTH + 2 + MAX_PROPERTIES_LENGTH;
    /** Default upper bound for recovery: a 4 MiB body (Apache's maxMessageSize) plus any overhead. */
    public static final int DEFAULT_MAX_RECORD_SIZE = 4 * 1024 * 1024 + MAX_OVERHEAD;

    private MessageRecordLayout() {}

    /**
     * The size of a record holding these parts; V1 when {@code topicLength <= 127}, else V2.
     *
     * @throws IllegalArgumentException if a length is negative or out of its field's range
     */
    public static int recordSize(int bodyLength, int topicLength, int propertiesLength, int sysFlag) {
        if (bodyLength < 0 || topicLength < 0 || topicLength > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("bad lengths: body " + bodyLength + ", topic " + topicLength
                    + " (at most " + MAX_TOPIC_LENGTH + ")");
        }
        if (propertiesLength < 0 || propertiesLength > MAX_PROPERTIES_LENGTH) {
            throw new IllegalArgumentException(
                    "properties are " + propertiesLength + " bytes; at most " + MAX_PROPERTIES_LENGTH + " are allowed");
        }
        long size = (long) bodyLengthOffset(sysFlag)
                + BODY_LENGTH_SIZE
                + bodyLength
                + topicLengthSize(magicFor(topicLength))
                + topicLength
                + PROPERTIES_LENGTH_SIZE
                + propertiesLength;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("record of " + size + " bytes is too large");
        }
        return (int) size;
    }

    /** {@link #MAGIC_V1} for topics of at most 127 bytes, else {@link #MAGIC_V2}. */
    public static int magicFor(int topicLength) {
        return topicLength <= MAX_V1_TOPIC_LENGTH ? MAGIC_V1 : MAGIC_V2;
    }

    /** Bytes of the topic-length field under this magic: 1 for V1, 2 for V2. */
    public static int topicLengthSize(int magic) {
        return magic == MAGIC_V2 ? 2 : 1;
    }

    public static boolean isMessageMagic(int magic) {
        return magic == MAGIC_V1 || magic == MAGIC_V2;
    }

    public static int bornHostSize(int sysFlag) {
        return MessageSysFlag.isBornHostV6(sysFlag) ? IPV6_HOST_SIZE : IPV4_HOST_SIZE;
    }

    public static int storeHostSize(int sysFlag) {
        return MessageSysFlag.isStoreHostV6(sysFlag) ? IPV6_HOST_SIZE : IPV4_HOST_SIZE;
    }

    public static int storeTimestampOffset(int sysFlag) {
        return BORN_HOST_OFFSET + bornHostSize(sysFlag);
    }

    public static int storeHostOffset(int sysFlag) {
        return storeTimestampOffset(sysFlag) + 8;
    }

    public static int reconsumeTimesOffset(int sysFlag) {
        return storeHostOffset(sysFlag) + storeHostSize(sysFlag);
    }

    public static int preparedTransactionOffsetOffset(int sysFlag) {
        return reconsumeTimesOffset(sysFlag) + 4;
    }

    /** Offset of the body-length field: 84, 96 or 108 depending on the v6 host bits. */
    public static int bodyLengthOffset(int sysFlag) {
        return preparedTransactionOffsetOffset(sysFlag) + 8;
    }

    /**
     * BODYCRC of a body: its CRC32 with the top bit cleared, which is what Apache writes (verified
     * against captured records). Allocates one {@link CRC32}; call it outside a critical section.
     */
    public static int bodyCrc(byte[] body, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(body, offset, length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /** {@link #bodyCrc(byte[], int, int)} of the bytes at absolute [position, position + length). */
    public static int bodyCrc(ByteBuffer buffer, int position, int length) {
        if (buffer.hasArray()) {
            return bodyCrc(buffer.array(), buffer.arrayOffset() + position, length);
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.duplicate().limit(position + length).position(position));
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
