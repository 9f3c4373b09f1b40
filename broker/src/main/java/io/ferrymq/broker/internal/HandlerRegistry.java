package io.ferrymq.broker.internal;

import io.ferrymq.remoting.RequestHandler;

/** Where a part of the broker registers its request handlers, each on the executor of its kind. */
@FunctionalInterface
public interface HandlerRegistry {
    void register(int requestCode, RequestHandler handler, ExecutorKind kind);
}
