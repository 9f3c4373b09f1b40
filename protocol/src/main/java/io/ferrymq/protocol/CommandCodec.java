package io.ferrymq.protocol;

import io.ferrymq.protocol.internal.BinaryHeaderCodec;
import io.ferrymq.protocol.internal.JsonHeaderCodec;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes whole {@link RemotingCommand}s in the layout of {@link FrameLayout}. Stateless
 * and thread-safe.
 */
public final class CommandCodec {
    private CommandCodec() {}

    /** The header bytes of {@code command}, in its own serialize type. */
    public static byte[] encodeHeader(RemotingCommand command) {
        return command.serializeType() == SerializeType.ROCKETMQ
                ? BinaryHeaderCodec.encode(command)
                : JsonHeaderCodec.encode(command);
    }

    /** The whole frame, length field included, ready to write to a socket. */
    public static ByteBuffer encode(RemotingCommand command) {
        byte[] header = encodeHeader(command);
        byte[] body = command.body();
        int frameLength = FrameLayout.HEADER_INFO_BYTES + header.length + body.length;
        ByteBuffer frame = ByteBuffer.allocate(FrameLayout.LENGTH_FIELD_BYTES + frameLength);
        frame.putInt(frameLength);
        frame.putInt(FrameLayout.headerInfo(command.serializeType(), header.length));
        frame.put(header).put(body);
        return frame.flip();
    }

    /**
     * Decodes a frame whose length field was already stripped: {@code frame} holds the header-info
     * int, the header and the body, and nothing else.
     *
     * @throws FrameDecodeException when the frame is shorter than it says or its header is malformed
     */
    public static RemotingCommand decode(ByteBuffer frame) {
        if (frame.remaining() < FrameLayout.HEADER_INFO_BYTES) {
            throw new FrameDecodeException("frame of " + frame.remaining() + " bytes has no header length");
        }
        int info = frame.getInt();
        SerializeType type = SerializeType.ofCode(FrameLayout.serializeTypeCode(info));
        int headerLength = FrameLayout.headerLength(info);
        if (headerLength > frame.remaining()) {
            throw new FrameDecodeException(
                    "header length " + headerLength + " exceeds the " + frame.remaining() + " bytes left in the frame");
        }
        RemotingCommand command = decodeHeader(type, frame, headerLength);
        byte[] body = new byte[frame.remaining()];
        frame.get(body);
        return command.body(body);
    }

    /** Decodes {@code length} header bytes at the buffer's position, advancing it past them. */
    public static RemotingCommand decodeHeader(SerializeType type, ByteBuffer buffer, int length) {
        RemotingCommand command;
        if (type == SerializeType.ROCKETMQ) {
            command = BinaryHeaderCodec.decode(buffer.slice(buffer.position(), length));
        } else if (buffer.hasArray()) {
            command = JsonHeaderCodec.decode(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        } else {
            byte[] header = new byte[length];
            buffer.get(buffer.position(), header);
            command = JsonHeaderCodec.decode(header, 0, length);
        }
        buffer.position(buffer.position() + length);
        return command.serializeType(type);
    }
}
