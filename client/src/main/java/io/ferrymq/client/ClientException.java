package io.ferrymq.client;

/**
 * A client operation failed: the broker or nameserver refused it (see {@link #responseCode()}), no
 * answer came in time, or the request was invalid before it left. Unchecked, so lambdas and streams
 * stay readable; every public method that talks to the network documents it.
 */
public class ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@link #responseCode()} of failures that did not come from a server response. */
    public static final int NO_RESPONSE_CODE = -1;

    private final int responseCode;

    public ClientException(String message) {
        this(NO_RESPONSE_CODE, message, null);
    }

    public ClientException(String message, Throwable cause) {
        this(NO_RESPONSE_CODE, message, cause);
    }

    public ClientException(int responseCode, String message) {
        this(responseCode, message, null);
    }

    public ClientException(int responseCode, String message, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
    }

    /** The server's response code, or {@link #NO_RESPONSE_CODE} when the failure was local or a timeout. */
    public int responseCode() {
        return responseCode;
    }
}
