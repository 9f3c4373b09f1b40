package io.ferrymq.remoting;

/** A call that did not get a response: the connection could not be made, failed, or was closed. */
public class RemotingException extends Exception {
    private static final long serialVersionUID = 1L;

    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
