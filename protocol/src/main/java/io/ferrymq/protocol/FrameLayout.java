package io.ferrymq.protocol;

/**
 * The frame of the RocketMQ remoting protocol. All integers are big-endian.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 frame length (bytes that follow)              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | serialize type|              header length                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  header (JSON or ROCKETMQ binary)           ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  body (frame length - 4 - header length)    ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The ROCKETMQ binary header:
 *
 * <pre>
 * | code int16 | language int8 | version int16 | opaque int32 | flag int32 |
 * | remark length int32 | remark UTF-8 (length 0 = null)                  |
 * | extFields length int32 | { key length int16, key, value length int32, value }* |
 * </pre>
 *
 * The JSON header is an object with {@code code}, {@code language} (a name), {@code version},
 * {@code opaque}, {@code flag}, optional {@code remark} and optional {@code extFields} (an object of
 * strings); unknown keys are ignored.
 */
public final class FrameLayout {
    /** Bytes of the leading frame-length field. */
    public static final int LENGTH_FIELD_BYTES = 4;
    /** Bytes of the serialize-type-and-header-length field. */
    public static final int HEADER_INFO_BYTES = 4;
    /** The largest frame accepted, as RocketMQ's {@code com.rocketmq.remoting.frameMaxLength}. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** The header length is the low 24 bits of the header-info field. */
    public static final int MAX_HEADER_BYTES = 0xFF_FFFF;

    private FrameLayout() {}

    public static int headerInfo(SerializeType type, int headerLength) {
        return (type.code() << 24) | (headerLength & MAX_HEADER_BYTES);
    }

    public static int serializeTypeCode(int headerInfo) {
        return (headerInfo >>> 24) & 0xFF;
    }

    public static int headerLength(int headerInfo) {
        return headerInfo & MAX_HEADER_BYTES;
    }
}
