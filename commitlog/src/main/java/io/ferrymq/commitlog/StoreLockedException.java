package io.ferrymq.commitlog;

import java.io.IOException;

/** Thrown when a store is already open, in another process or in this one. Immutable. */
public final class StoreLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message) {
        super(message);
    }
}
