package io.ferrymq.remoting.internal;

import io.netty.util.collection.IntObjectHashMap;

/**
 * Request code to {@link HandlerBinding}, with an optional default for codes nobody registered.
 *
 * <p>Thread-safe: registration is rare and copies the map (copy on write), so the lookup on every
 * request reads one volatile field and an unboxed int map without locking.
 */
public final class HandlerTable {
    private volatile IntObjectHashMap<HandlerBinding> bindings = new IntObjectHashMap<>();
    private volatile HandlerBinding fallback;

    /** Binds {@code code}, replacing any earlier binding of it. */
    public synchronized void register(int code, HandlerBinding binding) {
        IntObjectHashMap<HandlerBinding> copy = new IntObjectHashMap<>(bindings.size() + 1);
        copy.putAll(bindings);
        copy.put(code, binding);
        bindings = copy;
    }

    /** Handles every code that has no binding of its own; null removes the default. */
    public void registerDefault(HandlerBinding binding) {
        fallback = binding;
    }

    /** The binding for {@code code}, the default, or null when neither exists. */
    public HandlerBinding lookup(int code) {
        HandlerBinding binding = bindings.get(code);
        return binding != null ? binding : fallback;
    }
}
