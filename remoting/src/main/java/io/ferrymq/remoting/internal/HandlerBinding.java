package io.ferrymq.remoting.internal;

import io.ferrymq.remoting.RequestHandler;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A handler and the executor it runs on. Immutable.
 *
 * @param handler handles the request
 * @param executor runs the handler; never an I/O thread
 */
public record HandlerBinding(RequestHandler handler, Executor executor) {
    public HandlerBinding {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
    }
}
