package io.ferrymq.commitlog.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a mapping at once through {@code sun.misc.Unsafe.invokeCleaner} (module
 * {@code jdk.unsupported}, exported and open on Java 17, so no {@code --add-opens} is needed). Where
 * that is missing the mapping is left to the garbage collector, which releases it when the last
 * buffer over it becomes unreachable; that is correct, only later.
 *
 * <p>Touching an unmapped buffer crashes the JVM, so callers unmap only when no reader can still hold
 * a view: on close, and for deleted segments after a grace period ({@link RetiredSegments}).
 *
 * <p>Thread-safe and stateless after construction.
 */
final class Unmapper {
    private static final Logger LOG = LoggerFactory.getLogger(Unmapper.class);
    private static final Unmapper INSTANCE = new Unmapper();

    private final Object unsafe;
    private final Method invokeCleaner;

    private Unmapper() {
        Object found = null;
        Method method = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            found = field.get(null);
            method = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("mapped segments will be released by the garbage collector: {}", e.toString());
        }
        this.unsafe = found;
        this.invokeCleaner = method;
    }

    static Unmapper instance() {
        return INSTANCE;
    }

    /** True when mappings are released at once rather than by the garbage collector. */
    boolean immediate() {
        return invokeCleaner != null;
    }

    void unmap(MappedByteBuffer buffer) {
        if (invokeCleaner == null) {
            return;
        }
        try {
            invokeCleaner.invoke(unsafe, buffer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOG.warn("could not unmap a segment; the garbage collector will: {}", e.toString());
        }
    }
}
