package io.ferrymq.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.scheduler.DelayLevels;
import org.junit.jupiter.api.Test;

class SendBackPlannerTest {
    private static final long NOW = 1_767_225_600_000L;
    private final SendBackPlanner planner = new SendBackPlanner(DelayLevels.DEFAULT);
    private final RetryPolicy levels = RetryPolicies.levels(DelayLevels.DEFAULT);

    @Test
    void defaultIsLevelThreePlusReconsumeTimes() {
        SendBackDecision first = planner.plan(0, 16, 0, levels, NOW);
        assertThat(first.target()).isEqualTo(SendBackDecision.Target.RETRY);
        assertThat(first.deliverAtMs()).isEqualTo(NOW + 10_000);
        assertThat(first.isDelayed(NOW)).isTrue();
        assertThat(planner.plan(1, 16, 0, levels, NOW).deliverAtMs()).isEqualTo(NOW + 30_000);
        assertThat(planner.plan(15, 16, 0, levels, NOW).deliverAtMs()).isEqualTo(NOW + 7_200_000);
    }

    @Test
    void deadLetterOnceReconsumeTimesReachesTheLimit() {
        assertThat(planner.plan(15, 16, 0, levels, NOW).isDeadLetter()).isFalse();
        SendBackDecision atMax = planner.plan(16, 16, 0, levels, NOW);
        assertThat(atMax.isDeadLetter()).isTrue();
        assertThat(atMax.deliverAtMs()).isEqualTo(-1);
        assertThat(atMax.reason()).contains("16");
        assertThat(planner.plan(17, 16, 5, levels, NOW).isDeadLetter()).isTrue();
        assertThat(planner.plan(0, 0, 0, levels, NOW).isDeadLetter())
                .as("a limit of 0 never retries")
                .isTrue();
    }

    @Test
    void negativeDelayLevelGoesStraightToTheDlq() {
        SendBackDecision decision = planner.plan(0, 16, -1, levels, NOW);
        assertThat(decision.isDeadLetter()).isTrue();
        assertThat(decision.reason()).contains("delayLevel -1");
    }

    @Test
    void explicitLevelWinsOverThePolicyAndIsClamped() {
        RetryPolicy fixed = new FixedRetryPolicy(1);
        assertThat(planner.plan(4, 16, 1, fixed, NOW).deliverAtMs()).isEqualTo(NOW + 1_000);
        assertThat(planner.plan(4, 16, 5, fixed, NOW).deliverAtMs()).isEqualTo(NOW + 60_000);
        assertThat(planner.plan(4, 16, 99, fixed, NOW).deliverAtMs()).isEqualTo(NOW + 7_200_000);
    }

    @Test
    void levelZeroUsesTheGroupsPolicy() {
        RetryPolicy exponential = new ExponentialRetryPolicy(1_000, 2, 60_000);
        assertThat(planner.plan(3, 16, 0, exponential, NOW).deliverAtMs()).isEqualTo(NOW + 8_000);
        SendBackDecision atOnce = planner.plan(3, 16, 0, new FixedRetryPolicy(0), NOW);
        assertThat(atOnce.deliverAtMs()).isEqualTo(NOW);
        assertThat(atOnce.isDelayed(NOW)).isFalse();
    }

    @Test
    void effectiveLimitIsTheRequestsWhenGiven() {
        assertThat(SendBackPlanner.effectiveMaxReconsumeTimes(3, 16)).isEqualTo(3);
        assertThat(SendBackPlanner.effectiveMaxReconsumeTimes(0, 16)).isZero();
        assertThat(SendBackPlanner.effectiveMaxReconsumeTimes(-1, 16)).isEqualTo(16);
        assertThat(SendBackPlanner.effectiveMaxReconsumeTimes(null, SendBackPlanner.DEFAULT_RETRY_MAX_TIMES))
                .isEqualTo(16);
    }

    @Test
    void topicNames() {
        assertThat(RetryTopics.retry("cg")).isEqualTo("%RETRY%cg");
        assertThat(RetryTopics.dlq("cg")).isEqualTo("%DLQ%cg");
        assertThat(RetryTopics.isRetry("%RETRY%cg")).isTrue();
        assertThat(RetryTopics.isRetry("%RETRY%")).isFalse();
        assertThat(RetryTopics.isDlq("%DLQ%cg")).isTrue();
        assertThat(RetryTopics.isDlq("Orders")).isFalse();
        assertThat(RetryTopics.groupOf("%DLQ%cg")).isEqualTo("cg");
        assertThat(RetryTopics.groupOf("%RETRY%cg")).isEqualTo("cg");
        assertThat(RetryTopics.groupOf("Orders")).isNull();
    }
}
