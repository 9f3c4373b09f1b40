package io.ferrymq.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerWheelTest {
    private static final long START = 1_767_225_600_000L;

    /** Collects what fell due, checking that it is never early for the time advanced to. */
    private static final class Collected implements DueSink {
        final List<long[]> entries = new ArrayList<>();
        long advancingTo;

        @Override
        public void onDue(long deliverAtMs, long offset, int size) {
            assertThat(deliverAtMs)
                    .as("due at %d, advancing to %d", deliverAtMs, advancingTo)
                    .isLessThanOrEqualTo(advancingTo);
            entries.add(new long[] {deliverAtMs, offset, size});
        }

        int advance(TimerWheel wheel, long toMs) {
            advancingTo = toMs;
            return wheel.advanceTo(toMs, this);
        }

        List<Long> offsets() {
            return entries.stream().map(e -> e[1]).toList();
        }
    }

    private static TimerWheel wheel() {
        return new TimerWheel(START, 3, 512);
    }

    @Test
    void dueExactlyOnItsTickNotOneMillisecondBefore() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        assertThat(wheel.add(START + 100, 1, 64)).isTrue();
        assertThat(due.advance(wheel, START + 99)).isZero();
        assertThat(due.advance(wheel, START + 100)).isEqualTo(1);
        assertThat(due.entries.get(0)).containsExactly(START + 100, 1, 64);
        assertThat(wheel.size()).isZero();
    }

    @Test
    void anAdvancePastTheTickDeliversIt() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        wheel.add(START + 100, 1, 64);
        assertThat(due.advance(wheel, START + 101)).isEqualTo(1);
        assertThat(wheel.currentMs()).isEqualTo(START + 101);
    }

    @Test
    void entriesAlreadyDueGoOutOnTheNextAdvanceInTheOrderAdded() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        wheel.add(START, 1, 1);
        wheel.add(START - 5_000, 2, 1);
        wheel.add(START - 10, 3, 1);
        assertThat(wheel.nextDueMs()).isEqualTo(START);
        assertThat(due.advance(wheel, START)).isEqualTo(3);
        assertThat(due.offsets()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void cascadesFromTheSecondLevelWithoutDeliveringEarly() {
        TimerWheel wheel = new TimerWheel(0, 3, 512);
        Collected due = new Collected();
        wheel.add(600, 1, 1);
        assertThat(wheel.nextDueMs()).isEqualTo(512);
        assertThat(due.advance(wheel, 512)).isZero();
        assertThat(wheel.nextDueMs()).isEqualTo(600);
        assertThat(due.advance(wheel, 599)).isZero();
        assertThat(due.advance(wheel, 600)).isEqualTo(1);
    }

    @Test
    void cascadesFromTheThirdLevelStepByStep() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        long at = START + 10 * 60_000 + 7;
        wheel.add(at, 1, 1);
        for (long now = START; now < at; now += 997) {
            assertThat(due.advance(wheel, now)).isZero();
        }
        assertThat(due.advance(wheel, at - 1)).isZero();
        assertThat(due.advance(wheel, at)).isEqualTo(1);
    }

    @Test
    void refusesEntriesBeyondItsHorizon() {
        TimerWheel wheel = wheel();
        long horizon = wheel.horizonMs();
        assertThat(horizon - START).isGreaterThan(36L * 3_600_000);
        assertThat(wheel.add(horizon + 1, 1, 1)).isFalse();
        assertThat(wheel.add(horizon, 2, 1)).isTrue();
        assertThat(wheel.size()).isEqualTo(1);
        Collected due = new Collected();
        due.advance(wheel, horizon);
        assertThat(due.offsets()).containsExactly(2L);
    }

    @Test
    void removesEntriesFromEveryLevelAndTheDueList() {
        TimerWheel wheel = wheel();
        wheel.add(START - 1, 1, 1);
        wheel.add(START + 10, 2, 1);
        wheel.add(START + 10, 3, 1);
        wheel.add(START + 5_000, 4, 1);
        wheel.add(START + 3_600_000, 5, 1);
        assertThat(wheel.remove(START + 10, 2)).isTrue();
        assertThat(wheel.remove(START + 10, 2)).isFalse();
        assertThat(wheel.remove(START + 11, 3)).isFalse();
        assertThat(wheel.remove(START - 1, 1)).isTrue();
        assertThat(wheel.remove(START + 5_000, 4)).isTrue();
        assertThat(wheel.remove(START + 3_600_000, 5)).isTrue();
        assertThat(wheel.size()).isEqualTo(1);
        Collected due = new Collected();
        due.advance(wheel, START + 4 * 3_600_000);
        assertThat(due.offsets()).containsExactly(3L);
    }

    @Test
    void aRemovedEntryStillWaitingInAnUpperSlotAfterTimeMoved() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        long at = START + 3_000_000;
        wheel.add(at, 9, 1);
        due.advance(wheel, at - 200_000);
        assertThat(wheel.remove(at, 9)).isTrue();
        due.advance(wheel, at + 1);
        assertThat(due.entries).isEmpty();
    }

    @Test
    void manyEntriesInOneSlotGoOutTogetherInOrder() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        for (int i = 0; i < 100_000; i++) {
            wheel.add(START + 2_000, i, 100);
        }
        assertThat(wheel.size()).isEqualTo(100_000);
        assertThat(due.advance(wheel, START + 1_999)).isZero();
        assertThat(due.advance(wheel, START + 2_000)).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i++) {
            assertThat(due.entries.get(i)[1]).isEqualTo(i);
        }
    }

    @Test
    void aLongPauseDeliversEverythingInDueOrderInOneAdvance() {
        TimerWheel wheel = wheel();
        Collected due = new Collected();
        long[] times = {START + 30 * 3_600_000L, START + 5, START + 70_000, START + 600, START + 3_600_000, START + 511
        };
        for (int i = 0; i < times.length; i++) {
            wheel.add(times[i], i, 1);
        }
        due.advance(wheel, START + 31 * 3_600_000L);
        assertThat(due.entries).extracting(e -> e[0]).isSorted().hasSize(times.length);
        assertThat(wheel.size()).isZero();
        assertThat(wheel.nextDueMs()).isEqualTo(Long.MAX_VALUE);
        long later = START + 31 * 3_600_000L + 1_000;
        wheel.add(later, 99, 1);
        assertThat(due.advance(wheel, later - 1)).isZero();
        assertThat(due.advance(wheel, later)).isEqualTo(1);
    }

    @Test
    void nextDueIsNeverLaterThanTheEarliestEntry() {
        TimerWheel wheel = wheel();
        assertThat(wheel.nextDueMs()).isEqualTo(Long.MAX_VALUE);
        wheel.add(START + 70_000, 1, 1);
        assertThat(wheel.nextDueMs()).isBetween(START + 1, START + 70_000);
        wheel.add(START + 40, 2, 1);
        assertThat(wheel.nextDueMs()).isEqualTo(START + 40);
    }

    /**
     * A model: entries already due when added go out first on the next advance, in the order added;
     * then the others due by then, in due-time order.
     */
    @Test
    void randomisedAgainstAModel() {
        long seed = System.nanoTime();
        System.out.println("TimerWheelTest seed " + seed);
        Random random = new Random(seed);
        TimerWheel wheel = new TimerWheel(START, 3, 64);
        List<long[]> dueAtAdd = new ArrayList<>();
        List<long[]> waiting = new ArrayList<>();
        Collected due = new Collected();
        long now = START;
        long offset = 0;
        for (int round = 0; round < 3_000; round++) {
            int adds = random.nextInt(20);
            for (int i = 0; i < adds; i++) {
                long at = now + pickDelay(random);
                if (wheel.add(at, offset, 1)) {
                    (at <= wheel.currentMs() ? dueAtAdd : waiting).add(new long[] {at, offset});
                } else {
                    assertThat(at).isGreaterThan(wheel.horizonMs());
                }
                offset++;
            }
            if (random.nextInt(10) == 0 && !waiting.isEmpty()) {
                long[] victim = waiting.remove(random.nextInt(waiting.size()));
                assertThat(wheel.remove(victim[0], victim[1]))
                        .as("seed %d", seed)
                        .isTrue();
            }
            now += random.nextInt(4) == 0 ? random.nextInt(50_000) : random.nextInt(40);
            int before = due.entries.size();
            due.advance(wheel, now);
            long limit = now;
            List<long[]> expected = new ArrayList<>(dueAtAdd);
            waiting.stream()
                    .filter(e -> e[0] <= limit)
                    .sorted(Comparator.comparingLong(e -> e[0]))
                    .forEach(expected::add);
            List<long[]> got = due.entries.subList(before, due.entries.size());
            assertThat(got).as("seed %d round %d", seed, round).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i)[0]).as("seed %d round %d", seed, round).isEqualTo(expected.get(i)[0]);
            }
            dueAtAdd.clear();
            waiting.removeIf(e -> e[0] <= limit);
            assertThat(wheel.size()).isEqualTo(waiting.size());
        }
    }

    private static long pickDelay(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> -random.nextInt(100);
            case 1 -> random.nextInt(64);
            case 2 -> random.nextInt(4_096);
            case 3 -> random.nextInt(262_144);
            default -> random.nextInt(20_000_000);
        };
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> new TimerWheel(0, 3, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimerWheel(0, 7, 512)).isInstanceOf(IllegalArgumentException.class);
    }
}
