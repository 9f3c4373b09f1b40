package io.ferrymq.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.scheduler.DelayLevels;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPoliciesTest {
    private static final long S = 1_000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    @Test
    void levelPolicyIsRocketMqsDefaultBackOffClampedToTheLastLevel() {
        RetryPolicy policy = RetryPolicies.levels(DelayLevels.DEFAULT);
        List<Long> delays = IntStream.range(0, 18).mapToObj(policy::delayMs).toList();
        assertThat(delays)
                .containsExactly(
                        10 * S, 30 * S, M, 2 * M, 3 * M, 4 * M, 5 * M, 6 * M, 7 * M, 8 * M, 9 * M, 10 * M, 20 * M,
                        30 * M, H, 2 * H, 2 * H, 2 * H);
        assertThat(policy.delayMs(Integer.MAX_VALUE)).isEqualTo(2 * H);
        assertThat(policy.delayMs(-5)).isEqualTo(10 * S);
        assertThat(delays.subList(0, 16).stream().mapToLong(Long::longValue).sum())
                .as("16 retries take about 4 h 46 m (wire-protocol §8): 4 h 45 m 40 s")
                .isEqualTo(4 * H + 45 * M + 40 * S);
        assertThat(LevelRetryPolicy.level(0)).isEqualTo(3);
    }

    @Test
    void levelPolicyFollowsTheBrokersTable() {
        RetryPolicy policy = RetryPolicies.levels(DelayLevels.parse("1s 2s 3s 4s"));
        assertThat(policy.delayMs(0)).isEqualTo(3 * S);
        assertThat(policy.delayMs(1)).isEqualTo(4 * S);
        assertThat(policy.delayMs(7)).isEqualTo(4 * S);
    }

    @Test
    void fixedExponentialAndList() {
        assertThat(new FixedRetryPolicy(5 * S).delayMs(0)).isEqualTo(5 * S);
        assertThat(new FixedRetryPolicy(5 * S).delayMs(99)).isEqualTo(5 * S);

        RetryPolicy exponential = new ExponentialRetryPolicy(1 * S, 2, 60 * S);
        assertThat(IntStream.range(0, 9).mapToObj(exponential::delayMs).toList())
                .containsExactly(S, 2 * S, 4 * S, 8 * S, 16 * S, 32 * S, 60 * S, 60 * S, 60 * S);
        assertThat(exponential.delayMs(Integer.MAX_VALUE)).as("no overflow").isEqualTo(60 * S);
        assertThat(new ExponentialRetryPolicy(1000, 1.5, 10_000).delayMs(2)).isEqualTo(2250);
        assertThat(new ExponentialRetryPolicy(0, 3, 10).delayMs(1000)).isZero();

        RetryPolicy list = new ListRetryPolicy(List.of(S, 5 * S, 30 * S));
        assertThat(IntStream.range(0, 5).mapToObj(list::delayMs).toList())
                .containsExactly(S, 5 * S, 30 * S, 30 * S, 30 * S);
        assertThat(list.delayMs(-1)).isEqualTo(S);
    }

    @Test
    void constructorsRefuseNonsense() {
        assertThatThrownBy(() -> new FixedRetryPolicy(-1)).hasMessageContaining("fixedRetryPolicy.delayMs");
        assertThatThrownBy(() -> new FixedRetryPolicy(RetryPolicy.MAX_DELAY_MS + 1))
                .hasMessageContaining("365 days");
        assertThatThrownBy(() -> new ExponentialRetryPolicy(1000, 0.5, 2000)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new ExponentialRetryPolicy(1000, Double.NaN, 2000))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new ExponentialRetryPolicy(5000, 2, 1000)).hasMessageContaining("must not be below");
        assertThatThrownBy(() -> new ListRetryPolicy(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ListRetryPolicy(List.of(1L, -2L))).hasMessageContaining("next[1]");
    }

    @Test
    void parsesRocketMqsGroupRetryPolicyShapes() {
        assertThat(RetryPolicies.parse(
                        "{\"type\":\"EXPONENTIAL\",\"exponentialRetryPolicy\":{\"initial\":1000,\"max\":60000,\"multiplier\":2}}",
                        DelayLevels.DEFAULT))
                .isEqualTo(new ExponentialRetryPolicy(1000, 2, 60_000));
        assertThat(RetryPolicies.parse(
                        "{\"type\":\"CUSTOMIZED\",\"customizedRetryPolicy\":{\"next\":[1000,5000,30000]}}",
                        DelayLevels.DEFAULT))
                .isEqualTo(new ListRetryPolicy(List.of(1000L, 5000L, 30000L)));
        assertThat(RetryPolicies.parse(
                        "{\"type\":\"FIXED\",\"fixedRetryPolicy\":{\"delayMs\":5000}}", DelayLevels.DEFAULT))
                .isEqualTo(new FixedRetryPolicy(5000));
    }

    @Test
    void absentPartsFallBackAsInRocketMq() {
        RetryPolicy levels = new LevelRetryPolicy(DelayLevels.DEFAULT);
        assertThat(RetryPolicies.parse(null, DelayLevels.DEFAULT)).isEqualTo(levels);
        assertThat(RetryPolicies.parse("  ", DelayLevels.DEFAULT)).isEqualTo(levels);
        assertThat(RetryPolicies.parse("{}", DelayLevels.DEFAULT)).isEqualTo(levels);
        assertThat(RetryPolicies.parse("{\"type\":\"CUSTOMIZED\"}", DelayLevels.DEFAULT))
                .isEqualTo(levels);
        assertThat(RetryPolicies.parse("{\"type\":\"customized\",\"customizedRetryPolicy\":{}}", DelayLevels.DEFAULT))
                .isEqualTo(levels);
        assertThat(RetryPolicies.parse("{\"type\":\"EXPONENTIAL\"}", DelayLevels.DEFAULT))
                .isEqualTo(new ExponentialRetryPolicy(5_000, 2, 7_200_000));
        assertThat(RetryPolicies.parse(
                        "{\"type\":\"EXPONENTIAL\",\"exponentialRetryPolicy\":{\"multiplier\":1.5}}",
                        DelayLevels.DEFAULT))
                .isEqualTo(new ExponentialRetryPolicy(5_000, 1.5, 7_200_000));
    }

    @Test
    void toJsonReadsBack() {
        List<RetryPolicy> policies = List.of(
                new LevelRetryPolicy(DelayLevels.DEFAULT),
                new FixedRetryPolicy(250),
                new ExponentialRetryPolicy(100, 2, 1000),
                new ExponentialRetryPolicy(100, 1.25, 1000),
                new ListRetryPolicy(List.of(1L, 2L, 3L)));
        for (RetryPolicy policy : policies) {
            assertThat(RetryPolicies.parse(policy.toJson(), DelayLevels.DEFAULT))
                    .isEqualTo(policy);
        }
    }

    @Test
    void badJsonIsRefusedWithAClearMessage() {
        assertBad("{\"type\":", "not valid JSON");
        assertBad("[1,2]", "must be a JSON object");
        assertBad("{\"type\":\"LINEAR\"}", "'LINEAR' is not CUSTOMIZED, EXPONENTIAL or FIXED");
        assertBad("{\"type\":7}", "type must be a string");
        assertBad("{\"type\":\"FIXED\",\"color\":1}", "unknown key \"color\"");
        assertBad("{\"type\":\"FIXED\"}", "needs \"fixedRetryPolicy\"");
        assertBad("{\"type\":\"FIXED\",\"fixedRetryPolicy\":{}}", "needs \"delayMs\"");
        assertBad("{\"type\":\"FIXED\",\"fixedRetryPolicy\":{\"delay\":5}}", "unknown key \"delay\"");
        assertBad("{\"type\":\"FIXED\",\"fixedRetryPolicy\":{\"delayMs\":\"5s\"}}", "delayMs must be a whole number");
        assertBad("{\"type\":\"FIXED\",\"fixedRetryPolicy\":{\"delayMs\":1.5}}", "delayMs must be a whole number");
        assertBad("{\"type\":\"FIXED\",\"fixedRetryPolicy\":5}", "fixedRetryPolicy must be an object");
        assertBad("{\"type\":\"CUSTOMIZED\",\"customizedRetryPolicy\":{\"next\":5}}", "next must be an array");
        assertBad("{\"type\":\"CUSTOMIZED\",\"customizedRetryPolicy\":{\"next\":[]}}", "at least one delay");
        assertBad("{\"type\":\"CUSTOMIZED\",\"customizedRetryPolicy\":{\"next\":[1,null]}}", "next[1]");
        assertBad(
                "{\"type\":\"EXPONENTIAL\",\"exponentialRetryPolicy\":{\"initial\":1000,\"max\":10}}",
                "must not be below");
        assertBad(
                "{\"type\":\"EXPONENTIAL\",\"exponentialRetryPolicy\":{\"multiplier\":\"x\"}}",
                "multiplier must be a number");
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> RetryPolicies.parse(json, DelayLevels.DEFAULT))
                .as(json)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
