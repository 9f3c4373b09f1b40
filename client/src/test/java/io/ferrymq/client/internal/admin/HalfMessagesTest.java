package io.ferrymq.client.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.PendingTransaction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HalfMessagesTest {
    @Test
    void listBodyBecomesPendingTransactionsOfThatBroker() {
        byte[] body = ("[{\"halfOffset\":4096,\"topic\":\"Orders\",\"queueId\":3,\"msgId\":\"M1\","
                        + "\"producerGroup\":\"pg\",\"storeTimeMs\":1700000000000,\"checks\":2,\"state\":\"PARKED\"}]")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(HalfMessages.decodeList("10.0.0.1:10911", body))
                .containsExactly(new PendingTransaction(
                        "10.0.0.1:10911", 4096, "Orders", 3, "M1", "pg", 1700000000000L, 2, "PARKED"));
        assertThat(HalfMessages.decodeList("a", "[]".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
