package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.InvalidHeaderException;
import java.util.Map;

/**
 * Typed reads and writes of single {@code extFields} entries for the hand-written codecs. Parses in
 * place with the JDK's parsers, so a well-formed value costs no allocation beyond boxing.
 */
final class HeaderFields {
    private HeaderFields() {}

    static String requiredText(Map<String, String> fields, String key, String meaning) {
        String text = fields == null ? null : fields.get(key);
        if (text == null) {
            throw new InvalidHeaderException("missing header field '" + key + "' (" + meaning + ")");
        }
        return text;
    }

    static String optionalText(Map<String, String> fields, String key) {
        return fields == null ? null : fields.get(key);
    }

    static int requiredInt(Map<String, String> fields, String key, String meaning) {
        return parseInt(requiredText(fields, key, meaning), key, meaning);
    }

    static long requiredLong(Map<String, String> fields, String key, String meaning) {
        return parseLong(requiredText(fields, key, meaning), key, meaning);
    }

    static Integer optionalInt(Map<String, String> fields, String key, String meaning) {
        String text = optionalText(fields, key);
        return text == null ? null : parseInt(text, key, meaning);
    }

    static Long optionalLong(Map<String, String> fields, String key, String meaning) {
        String text = optionalText(fields, key);
        return text == null ? null : parseLong(text, key, meaning);
    }

    /** Lenient, as RocketMQ's {@code Boolean.parseBoolean}: anything but "true" is false. */
    static Boolean optionalBoolean(Map<String, String> fields, String key) {
        String text = optionalText(fields, key);
        return text == null ? null : Boolean.parseBoolean(text.trim());
    }

    static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    static void put(Map<String, String> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value.toString());
        }
    }

    private static int parseInt(String text, String key, String meaning) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw malformed(text, key, meaning, "int");
        }
    }

    private static long parseLong(String text, String key, String meaning) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw malformed(text, key, meaning, "long");
        }
    }

    private static InvalidHeaderException malformed(String text, String key, String meaning, String type) {
        return new InvalidHeaderException(
                "header field '" + key + "' (" + meaning + ") is not a valid " + type + ": '" + text + "'");
    }
}
