package io.ferrymq.protocol;

/** A frame or header that cannot be decoded. The transport closes the connection it came on. */
public final class FrameDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FrameDecodeException(String message) {
        super(message);
    }

    public FrameDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
