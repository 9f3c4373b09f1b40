package io.ferrymq.dlq.internal;

import io.ferrymq.dlq.RetryPolicy;

/** The bounds every retry delay is checked against. Stateless. */
public final class Delays {
    private Delays() {}

    /**
     * @throws IllegalArgumentException naming {@code what} when {@code delayMs} is negative or above
     *     {@link RetryPolicy#MAX_DELAY_MS}
     */
    public static long check(String what, long delayMs) {
        if (delayMs < 0 || delayMs > RetryPolicy.MAX_DELAY_MS) {
            throw new IllegalArgumentException(
                    what + " must be 0.." + RetryPolicy.MAX_DELAY_MS + " ms (365 days), was " + delayMs);
        }
        return delayMs;
    }
}
