package io.ferrymq.nameserver.internal;

import io.ferrymq.nameserver.NameServerConfig;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The nameserver's current config: the start-up value, replaced whole when UPDATE_NAMESRV_CONFIG
 * changes one of the {@link NameServerConfig#RUNTIME_KEYS}. Readers see one consistent record.
 * Thread-safe.
 */
public final class LiveConfig {
    private final AtomicReference<NameServerConfig> current;

    public LiveConfig(NameServerConfig initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public NameServerConfig current() {
        return current.get();
    }

    /**
     * Applies {@code updates} atomically.
     *
     * @throws IllegalArgumentException when a key is unknown, fixed at start-up, or its value bad
     */
    public NameServerConfig update(Properties updates) {
        return current.updateAndGet(config -> config.withRuntimeUpdates(updates));
    }
}
