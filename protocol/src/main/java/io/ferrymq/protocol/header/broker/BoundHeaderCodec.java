package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.WireName;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A {@link HeaderCodec} over the reflective {@link HeaderBinding}, for headers off the hot path. */
final class BoundHeaderCodec<H extends Record> implements HeaderCodec<H> {
    private final Class<H> type;
    private final HeaderBinding<H> binding;
    private final Set<String> keys;

    private BoundHeaderCodec(Class<H> type) {
        this.type = type;
        this.binding = HeaderBinding.of(type);
        this.keys = wireKeys(type);
    }

    static <H extends Record> BoundHeaderCodec<H> of(Class<H> type) {
        return new BoundHeaderCodec<>(type);
    }

    @Override
    public Class<H> type() {
        return type;
    }

    @Override
    public Set<String> keys() {
        return keys;
    }

    @Override
    public H decode(Map<String, String> fields) {
        return binding.decode(fields);
    }

    @Override
    public void encodeInto(H header, Map<String, String> fields) {
        fields.putAll(binding.encode(header));
    }

    private static Set<String> wireKeys(Class<? extends Record> type) {
        Set<String> keys = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            WireName wireName = component.getAnnotation(WireName.class);
            keys.add(wireName != null ? wireName.value() : component.getName());
        }
        return Set.copyOf(keys);
    }
}
