package io.ferrymq.dlq.internal;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.dlq.ExponentialRetryPolicy;
import io.ferrymq.dlq.FixedRetryPolicy;
import io.ferrymq.dlq.LevelRetryPolicy;
import io.ferrymq.dlq.ListRetryPolicy;
import io.ferrymq.dlq.RetryPolicy;
import io.ferrymq.scheduler.DelayLevels;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code groupRetryPolicy} JSON reader behind {@link io.ferrymq.dlq.RetryPolicies#parse}: checks
 * every key and value and names the offending one. Stateless.
 */
public final class PolicyJson {
    private static final String WHERE = "groupRetryPolicy";
    private static final String CUSTOMIZED = "customizedRetryPolicy";
    private static final String EXPONENTIAL = "exponentialRetryPolicy";
    private static final String FIXED = "fixedRetryPolicy";
    private static final Set<String> TOP_KEYS = Set.of("type", CUSTOMIZED, EXPONENTIAL, FIXED);

    private PolicyJson() {}

    public static RetryPolicy parse(String json, DelayLevels levels) {
        JSONObject root = object(json);
        checkKeys(root, TOP_KEYS, WHERE);
        Object type = root.getOrDefault("type", "CUSTOMIZED");
        if (!(type instanceof String name)) {
            throw bad(WHERE + ".type must be a string (CUSTOMIZED, EXPONENTIAL or FIXED), was " + type);
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "CUSTOMIZED" -> customized(section(root, CUSTOMIZED, false), levels);
            case "EXPONENTIAL" -> exponential(section(root, EXPONENTIAL, false));
            case "FIXED" -> fixed(section(root, FIXED, true));
            default -> throw bad(WHERE + ".type '" + name + "' is not CUSTOMIZED, EXPONENTIAL or FIXED");
        };
    }

    private static JSONObject object(String json) {
        Object parsed;
        try {
            parsed = JSON.parse(json);
        } catch (JSONException e) {
            throw new IllegalArgumentException(WHERE + " is not valid JSON (" + e.getMessage() + "): " + json, e);
        }
        if (!(parsed instanceof JSONObject object)) {
            throw bad(WHERE + " must be a JSON object such as {\"type\":\"CUSTOMIZED\"}, was: " + json);
        }
        return object;
    }

    private static JSONObject section(JSONObject root, String key, boolean required) {
        Object value = root.get(key);
        if (value == null) {
            if (required) {
                throw bad(WHERE + " of this type needs \"" + key + "\"");
            }
            return null;
        }
        if (!(value instanceof JSONObject section)) {
            throw bad(WHERE + "." + key + " must be an object, was " + value);
        }
        return section;
    }

    private static RetryPolicy customized(JSONObject section, DelayLevels levels) {
        if (section == null) {
            return new LevelRetryPolicy(levels);
        }
        checkKeys(section, Set.of("next"), CUSTOMIZED);
        Object next = section.get("next");
        if (next == null) {
            return new LevelRetryPolicy(levels);
        }
        if (!(next instanceof JSONArray array)) {
            throw bad(CUSTOMIZED + ".next must be an array of delays in ms, was " + next);
        }
        List<Long> delays = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            delays.add(wholeNumber(array.get(i), CUSTOMIZED + ".next[" + i + "]"));
        }
        return new ListRetryPolicy(delays);
    }

    private static RetryPolicy exponential(JSONObject section) {
        if (section == null) {
            return new ExponentialRetryPolicy(
                    ExponentialRetryPolicy.DEFAULT_INITIAL_MS,
                    ExponentialRetryPolicy.DEFAULT_MULTIPLIER,
                    ExponentialRetryPolicy.DEFAULT_MAX_MS);
        }
        checkKeys(section, Set.of("initial", "max", "multiplier"), EXPONENTIAL);
        long initial = section.containsKey("initial")
                ? wholeNumber(section.get("initial"), EXPONENTIAL + ".initial")
                : ExponentialRetryPolicy.DEFAULT_INITIAL_MS;
        long max = section.containsKey("max")
                ? wholeNumber(section.get("max"), EXPONENTIAL + ".max")
                : ExponentialRetryPolicy.DEFAULT_MAX_MS;
        double multiplier = section.containsKey("multiplier")
                ? number(section.get("multiplier"), EXPONENTIAL + ".multiplier")
                : ExponentialRetryPolicy.DEFAULT_MULTIPLIER;
        return new ExponentialRetryPolicy(initial, multiplier, max);
    }

    private static RetryPolicy fixed(JSONObject section) {
        checkKeys(section, Set.of("delayMs"), FIXED);
        if (!section.containsKey("delayMs")) {
            throw bad(FIXED + " needs \"delayMs\"");
        }
        return new FixedRetryPolicy(wholeNumber(section.get("delayMs"), FIXED + ".delayMs"));
    }

    private static void checkKeys(JSONObject object, Set<String> allowed, String where) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw bad(where + " has an unknown key \"" + key + "\"; known: " + String.join(", ", allowed));
            }
        }
    }

    private static long wholeNumber(Object value, String what) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            try {
                return new BigDecimal(value.toString()).longValueExact();
            } catch (ArithmeticException e) {
                throw bad(what + " must be a whole number of ms, was " + value);
            }
        }
        throw bad(what + " must be a whole number of ms, was " + describe(value));
    }

    private static double number(Object value, String what) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw bad(what + " must be a number, was " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}
