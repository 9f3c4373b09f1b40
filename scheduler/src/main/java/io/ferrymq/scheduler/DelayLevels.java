package io.ferrymq.scheduler;

import java.util.Arrays;
import java.util.Locale;

/**
 * The delay levels a {@code DELAY} property selects (wire-protocol §8): RocketMQ's {@code
 * messageDelayLevel} setting, a space-separated list of durations such as {@code "1s 5s 10s 30s 1m"},
 * where level {@code n} (1-based) is the n-th duration. Units: {@code ms}, {@code s}, {@code m},
 * {@code h}, {@code d}.
 *
 * <p>Immutable; safe from any thread.
 */
public final class DelayLevels {
    /** RocketMQ's default {@code messageDelayLevel}. */
    public static final String DEFAULT_SPEC = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
    /** Levels 1..18 of {@link #DEFAULT_SPEC}. */
    public static final DelayLevels DEFAULT = parse(DEFAULT_SPEC);

    private final long[] delaysMs;

    private DelayLevels(long[] delaysMs) {
        this.delaysMs = delaysMs;
    }

    /**
     * Parses a {@code messageDelayLevel} value.
     *
     * @throws IllegalArgumentException naming the bad token when one is not a positive whole number
     *     followed by a unit, or when there is no token at all
     */
    public static DelayLevels parse(String messageDelayLevel) {
        if (messageDelayLevel == null || messageDelayLevel.isBlank()) {
            throw new IllegalArgumentException("messageDelayLevel is empty; expected durations such as \"1s 5s 1m\"");
        }
        String[] tokens = messageDelayLevel.trim().split("\\s+");
        long[] delays = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            delays[i] = parseDuration(tokens[i], i + 1);
        }
        return new DelayLevels(delays);
    }

    private static long parseDuration(String token, int level) {
        String lower = token.toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < lower.length() && Character.isDigit(lower.charAt(digits))) {
            digits++;
        }
        long unitMs = unitMs(lower.substring(digits));
        if (digits == 0 || digits > 9 || unitMs < 0) {
            throw badToken(token, level);
        }
        long amount = Long.parseLong(lower.substring(0, digits));
        if (amount <= 0) {
            throw badToken(token, level);
        }
        return Math.multiplyExact(amount, unitMs);
    }

    private static long unitMs(String unit) {
        return switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> -1L;
        };
    }

    private static IllegalArgumentException badToken(String token, int level) {
        return new IllegalArgumentException("messageDelayLevel: level " + level + " is '" + token
                + "'; expected a positive whole number followed by ms, s, m, h or d (e.g. 5s)");
    }

    /** The highest level (the number of levels). */
    public int maxLevel() {
        return delaysMs.length;
    }

    /**
     * The delay of {@code level}; a level above {@link #maxLevel()} is clamped to it (wire-protocol §8).
     *
     * @throws IllegalArgumentException if {@code level} is below 1
     */
    public long delayMs(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("delay level " + level + " is below 1");
        }
        return delaysMs[Math.min(level, delaysMs.length) - 1];
    }

    /** The longest delay of any level. */
    public long maxDelayMs() {
        return Arrays.stream(delaysMs).max().orElse(0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DelayLevels levels && Arrays.equals(delaysMs, levels.delaysMs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(delaysMs);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (long delay : delaysMs) {
            out.append(out.isEmpty() ? "" : " ").append(format(delay));
        }
        return out.toString();
    }

    private static String format(long ms) {
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
