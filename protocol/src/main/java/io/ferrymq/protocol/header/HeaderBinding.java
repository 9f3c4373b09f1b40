package io.ferrymq.protocol.header;

import io.ferrymq.protocol.InvalidHeaderException;
import io.ferrymq.protocol.RemotingCommand;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Moves a typed header record in and out of a command's {@code extFields}, the way RocketMQ's custom
 * headers travel: each non-null component becomes one string entry under its name (or its
 * {@link WireName}); unknown keys are ignored on input.
 *
 * <p>A primitive component ({@code int}, {@code long}, {@code boolean}, ...) or one marked
 * {@link Required} is required: decoding a header that lacks it fails with an
 * {@link InvalidHeaderException} naming the field. Other boxed or {@code String} components are
 * optional and decode as null when absent. Enums travel by name.
 *
 * <p>The record's structure is read once per class; decoding then calls the canonical constructor
 * through a cached method handle. Instances are immutable and thread-safe.
 */
public final class HeaderBinding<H extends Record> {
    private static final ClassValue<HeaderBinding<?>> BINDINGS = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected HeaderBinding<?> computeValue(Class<?> type) {
            return new HeaderBinding(type.asSubclass(Record.class));
        }
    };

    private final Class<H> type;
    private final Component[] components;
    private final MethodHandle constructor;

    private HeaderBinding(Class<H> type) {
        this.type = type;
        RecordComponent[] recordComponents = type.getRecordComponents();
        this.components = new Component[recordComponents.length];
        Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < recordComponents.length; i++) {
                RecordComponent component = recordComponents[i];
                WireName wireName = component.getAnnotation(WireName.class);
                String name = wireName != null ? wireName.value() : component.getName();
                MethodHandle accessor = lookup.unreflect(component.getAccessor());
                boolean required = component.getType().isPrimitive() || component.isAnnotationPresent(Required.class);
                components[i] = new Component(name, component.getType(), required, accessor);
                parameterTypes[i] = component.getType();
            }
            MethodHandle canonical = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes));
            this.constructor = canonical.asSpreader(Object[].class, parameterTypes.length);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("header record " + type.getName() + " must be public", e);
        }
    }

    /** The binding of {@code type}, built on first use. */
    @SuppressWarnings("unchecked")
    public static <H extends Record> HeaderBinding<H> of(Class<H> type) {
        return (HeaderBinding<H>) BINDINGS.get(type);
    }

    /** Decodes the custom header of {@code command} as {@code type}. */
    public static <H extends Record> H decode(RemotingCommand command, Class<H> type) {
        return of(type).decode(command.extFields());
    }

    /** Writes {@code header} into the custom header of {@code command}, adding to what is there. */
    @SuppressWarnings("unchecked")
    public static <H extends Record> RemotingCommand encodeInto(RemotingCommand command, H header) {
        HeaderBinding<H> binding = (HeaderBinding<H>) of(header.getClass());
        Map<String, String> fields = command.extFields();
        if (fields == null) {
            fields = new HashMap<>();
            command.extFields(fields);
        }
        binding.encodeInto(header, fields);
        return command;
    }

    /** Decodes {@code fields} (null is read as empty). */
    public H decode(Map<String, String> fields) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Component component = components[i];
            String text = fields == null ? null : fields.get(component.name);
            values[i] = component.parse(text, type);
        }
        try {
            return type.cast(constructor.invoke(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("constructing " + type.getSimpleName(), e);
        }
    }

    /** Encodes {@code header} as a new map. */
    public Map<String, String> encode(H header) {
        Map<String, String> fields = new HashMap<>();
        encodeInto(header, fields);
        return fields;
    }

    private void encodeInto(H header, Map<String, String> fields) {
        for (Component component : components) {
            Object value;
            try {
                value = component.accessor.invoke(header);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("reading " + component.name, e);
            }
            if (value != null) {
                fields.put(component.name, value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
    }

    private record Component(String name, Class<?> javaType, boolean required, MethodHandle accessor) {
        Object parse(String text, Class<?> owner) {
            if (text == null) {
                if (required) {
                    throw new InvalidHeaderException(
                            "missing header field '" + name + "' (" + owner.getSimpleName() + ")");
                }
                return null;
            }
            if (javaType == String.class) {
                return text;
            }
            try {
                return convert(text.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidHeaderException("header field '" + name + "' (" + owner.getSimpleName()
                        + ") is not a valid " + javaType.getSimpleName() + ": '" + text + "'");
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object convert(String text) {
            if (javaType == int.class || javaType == Integer.class) {
                return Integer.parseInt(text);
            } else if (javaType == long.class || javaType == Long.class) {
                return Long.parseLong(text);
            } else if (javaType == boolean.class || javaType == Boolean.class) {
                return Boolean.parseBoolean(text);
            } else if (javaType == short.class || javaType == Short.class) {
                return Short.parseShort(text);
            } else if (javaType == double.class || javaType == Double.class) {
                return Double.parseDouble(text);
            } else if (javaType.isEnum()) {
                return Enum.valueOf((Class) javaType, text);
            }
            throw new IllegalStateException("unsupported header field type " + javaType);
        }
    }
}
