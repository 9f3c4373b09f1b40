package io.ferrymq.client.internal.producer;

import io.ferrymq.client.ClientException;
import io.ferrymq.protocol.ResponseCode;
import java.util.Set;

/**
 * Which failed sends are worth another attempt on another queue (wire-protocol §1.9): the codes
 * RocketMQ's producer retries, plus every failure without a response (timeouts, lost connections).
 * Immutable.
 *
 * @param retries extra attempts after the first
 */
public record SendRetryPolicy(int retries) {
    private static final int NO_BUYER_ID = 204;
    private static final int NOT_IN_CURRENT_UNIT = 205;
    private static final int GO_AWAY = 1500;
    private static final Set<Integer> RETRYABLE = Set.of(
            ResponseCode.SYSTEM_ERROR,
            ResponseCode.SYSTEM_BUSY,
            ResponseCode.SERVICE_NOT_AVAILABLE,
            ResponseCode.NO_PERMISSION,
            ResponseCode.TOPIC_NOT_EXIST,
            NO_BUYER_ID,
            NOT_IN_CURRENT_UNIT,
            GO_AWAY);

    public SendRetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, was " + retries);
        }
    }

    /** Attempts in all. */
    public int maxAttempts() {
        return retries + 1;
    }

    public static boolean isRetryableCode(int responseCode) {
        return RETRYABLE.contains(responseCode);
    }

    /** Whether {@code failure} of attempt {@code attempt} (0-based) deserves another attempt. */
    public boolean shouldRetry(Throwable failure, int attempt) {
        if (attempt + 1 >= maxAttempts()) {
            return false;
        }
        if (failure instanceof ClientException client) {
            return client.responseCode() == ClientException.NO_RESPONSE_CODE || isRetryableCode(client.responseCode());
        }
        return false;
    }
}
