package io.ferrymq.broker.internal.send;

import java.util.function.IntSupplier;

/**
 * The broker's advertised address as written into STOREHOST and offset message ids: brokerIP1 and
 * the bound port (known once the server listens, hence the supplier). Immutable; thread-safe.
 *
 * @param address 4 or 16 bytes of brokerIP1
 */
public record StoreHost(byte[] address, String ip, IntSupplier port) {
    /** {@code brokerIP1:port}. */
    public String hostPort() {
        return ip + ":" + port.getAsInt();
    }
}
