package io.ferrymq.client.internal.producer;

/**
 * A producer's settings. Immutable.
 *
 * @param compressOverBytes bodies at least this long are zlib-compressed; 0 never compresses
 * @param maxMessageBytes the largest body (or batch body) accepted, checked before sending
 */
public record SendSettings(
        String producerGroup,
        long sendTimeoutMs,
        SendRetryPolicy retryPolicy,
        int compressOverBytes,
        int maxMessageBytes) {

    public SendSettings {
        if (producerGroup == null || producerGroup.isBlank()) {
            throw new IllegalArgumentException("a producer group is required");
        }
        if (sendTimeoutMs <= 0) {
            throw new IllegalArgumentException("sendTimeout must be positive, was " + sendTimeoutMs + " ms");
        }
        if (compressOverBytes < 0 || maxMessageBytes <= 0) {
            throw new IllegalArgumentException("compressOver must be >= 0 and maxMessageSize > 0");
        }
    }
}
