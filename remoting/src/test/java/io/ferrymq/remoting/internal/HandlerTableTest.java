package io.ferrymq.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.remoting.RequestHandler;
import org.junit.jupiter.api.Test;

class HandlerTableTest {
    private final RequestHandler handler = (channel, request) -> null;

    @Test
    void lookupFindsTheBindingThenTheDefaultThenNothing() {
        HandlerTable table = new HandlerTable();
        HandlerBinding bound = new HandlerBinding(handler, Runnable::run);
        HandlerBinding fallback = new HandlerBinding(handler, Runnable::run);

        table.register(10, bound);
        assertThat(table.lookup(10)).isSameAs(bound);
        assertThat(table.lookup(200050)).isNull();

        table.registerDefault(fallback);
        assertThat(table.lookup(200050)).isSameAs(fallback);
        assertThat(table.lookup(10)).isSameAs(bound);
    }
}
