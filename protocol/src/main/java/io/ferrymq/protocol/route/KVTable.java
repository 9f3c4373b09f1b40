package io.ferrymq.protocol.route;

import java.util.Map;
import java.util.TreeMap;

/** A namespace's key/value pairs, {@code {"table":{"k":"v"}}}. Immutable. */
public record KVTable(Map<String, String> table) {

    public KVTable {
        table = table == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(table));
    }
}
