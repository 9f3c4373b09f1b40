package io.ferrymq.broker.internal.transaction;

import io.ferrymq.transaction.CheckBack;
import java.nio.ByteBuffer;

/**
 * The {@link CheckBack} the transaction coordinator starts with, before the broker's producer
 * registry exists: until {@link #connect} it answers "no live producer", so a check due at start-up
 * is tried again shortly without being spent. Thread-safe.
 */
public final class CheckBackRelay implements CheckBack {
    private volatile CheckBack target;

    public void connect(CheckBack target) {
        this.target = target;
    }

    @Override
    public boolean check(String producerGroup, ByteBuffer halfRecord, long halfOffset, String uniqKey) {
        CheckBack current = target;
        return current != null && current.check(producerGroup, halfRecord, halfOffset, uniqKey);
    }
}
