package io.ferrymq.protocol;

/** How a frame's header is encoded: the top byte of the frame's second int. */
public enum SerializeType {
    /** A JSON object (Fastjson on the Java client); the default of every official client. */
    JSON((byte) 0),
    /** RocketMQ's compact binary header, see {@link FrameLayout}. */
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    /** @throws FrameDecodeException for a type byte that is neither 0 nor 1 */
    public static SerializeType ofCode(int code) {
        return switch (code) {
            case 0 -> JSON;
            case 1 -> ROCKETMQ;
            default -> throw new FrameDecodeException("unknown serialize type " + code);
        };
    }
}
