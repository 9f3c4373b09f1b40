package io.ferrymq.protocol;

/**
 * A request whose custom header lacks a required field or holds a value of the wrong form. The
 * transport answers it with {@link ResponseCode#INVALID_PARAMETER} and the message of this exception,
 * and keeps the connection.
 */
public final class InvalidHeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidHeaderException(String message) {
        super(message);
    }

    public InvalidHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
