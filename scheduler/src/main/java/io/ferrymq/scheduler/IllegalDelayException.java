package io.ferrymq.scheduler;

/**
 * A message asks for a delay this broker refuses: a delay property that is not a number, is
 * negative, or reaches beyond {@code timerMaxDelaySec}. The message names the property, its value
 * and the limit, so the broker can return it as the MESSAGE_ILLEGAL remark.
 */
public final class IllegalDelayException extends Exception {
    private static final long serialVersionUID = 1L;

    public IllegalDelayException(String message) {
        super(message);
    }
}
