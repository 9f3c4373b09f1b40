package io.ferrymq.client.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.DeadLetterView;
import io.ferrymq.client.ReplayOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    @Test
    void listBodyKeepsPropertiesAsStringsAndMarksUnreplayedLetters() {
        byte[] body = ("[{\"msgId\":\"M1\",\"originTopic\":\"Orders\",\"reconsumeTimes\":16,\"storeTimeMs\":5,"
                        + "\"bodySizeBytes\":12,\"properties\":{\"KEYS\":\"k\",\"DELAY\":3},\"replayedAtMs\":9},"
                        + "{\"msgId\":\"M2\",\"originTopic\":\"Orders\",\"reconsumeTimes\":1,\"storeTimeMs\":6,"
                        + "\"bodySizeBytes\":0}]")
                .getBytes(StandardCharsets.UTF_8);

        List<DeadLetterView> letters = DeadLetters.decodeList("b:1", body);

        assertThat(letters)
                .containsExactly(
                        new DeadLetterView("b:1", "M1", "Orders", 16, 5, 12, Map.of("KEYS", "k", "DELAY", "3"), 9),
                        new DeadLetterView("b:1", "M2", "Orders", 1, 6, 0, Map.of(), -1));
    }

    @Test
    void replayBodyGivesOneOutcomePerIdInOrder() {
        byte[] body = ("[{\"msgId\":\"M2\",\"status\":\"NOT_FOUND\",\"reason\":\"gone\"},"
                        + "{\"msgId\":\"M1\",\"status\":\"REPLAYED\",\"targetTopic\":\"Orders\"}]")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(DeadLetters.decodeOutcomes(body))
                .containsExactly(
                        new ReplayOutcome("M2", "NOT_FOUND", null, "gone"),
                        new ReplayOutcome("M1", "REPLAYED", "Orders", null));
    }

    @Test
    void countsOfSeveralBrokersAreSummedByGroup() {
        Map<String, Long> counts = new TreeMap<>();
        DeadLetters.addCounts(counts, "{\"g1\":2,\"g2\":5}".getBytes(StandardCharsets.UTF_8));
        DeadLetters.addCounts(counts, "{\"g1\":3}".getBytes(StandardCharsets.UTF_8));

        assertThat(counts).containsExactly(Map.entry("g1", 5L), Map.entry("g2", 5L));
    }
}
