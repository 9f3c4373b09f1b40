package io.ferrymq.commitlog.internal;

import java.util.Arrays;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callbacks told of a new offset (append or retention). Notifying walks a plain array: no iterator,
 * no allocation. A callback that throws is logged and does not stop the others.
 *
 * <p>Thread-safe: adding copies the array (rare); notifying reads one volatile field.
 */
public final class OffsetListeners {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetListeners.class);
    private static final LongConsumer[] NONE = new LongConsumer[0];

    private final String kind;
    private volatile LongConsumer[] listeners = NONE;

    public OffsetListeners(String kind) {
        this.kind = kind;
    }

    public synchronized void add(LongConsumer listener) {
        LongConsumer[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = listener;
        listeners = next;
    }

    public void notify(long offset) {
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(offset);
            } catch (RuntimeException e) {
                LOG.error("{} listener {} failed at offset {}", kind, listener, offset, e);
            }
        }
    }
}
