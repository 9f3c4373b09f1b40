package io.ferrymq.remoting;

/** A call whose response did not arrive within its timeout. */
public final class RemotingTimeoutException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingTimeoutException(String message) {
        super(message);
    }
}
