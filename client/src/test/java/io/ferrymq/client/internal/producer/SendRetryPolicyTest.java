package io.ferrymq.client.internal.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.ClientException;
import org.junit.jupiter.api.Test;

class SendRetryPolicyTest {
    @Test
    void retriesTheDocumentedCodesAndFailuresWithoutAnswer() {
        SendRetryPolicy policy = new SendRetryPolicy(2);
        for (int code : new int[] {1, 2, 14, 16, 17, 204, 205, 1500}) {
            assertThat(policy.shouldRetry(new ClientException(code, "x"), 0))
                    .as("code %d", code)
                    .isTrue();
        }
        assertThat(policy.shouldRetry(new ClientException("timeout"), 0)).isTrue();
        assertThat(policy.shouldRetry(new ClientException(13, "illegal"), 0)).isFalse();
        assertThat(policy.shouldRetry(new ClientException(29, "bad queue"), 0)).isFalse();
    }

    @Test
    void stopsAfterTheLastAttempt() {
        SendRetryPolicy policy = new SendRetryPolicy(2);
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.shouldRetry(new ClientException(2, "busy"), 1)).isTrue();
        assertThat(policy.shouldRetry(new ClientException(2, "busy"), 2)).isFalse();
        assertThat(new SendRetryPolicy(0).shouldRetry(new ClientException(2, "busy"), 0))
                .isFalse();
    }
}
