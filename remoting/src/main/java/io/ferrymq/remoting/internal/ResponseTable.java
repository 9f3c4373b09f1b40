package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.remoting.RemotingException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The calls outstanding on one connection, by opaque. Whoever removes a call from the table completes
 * it, so a response, a timeout and a close can race without completing a call twice.
 *
 * <p>Thread-safe: callers add from any thread, the I/O thread completes, the timer expires.
 */
public final class ResponseTable {
    private final ConcurrentHashMap<Integer, PendingCall> calls = new ConcurrentHashMap<>();
    private final Supplier<String> peer;

    /** @param peer names the connection in error messages; asked only when something fails */
    public ResponseTable(Supplier<String> peer) {
        this.peer = peer;
    }

    /** Registers a new call for {@code opaque}. */
    public PendingCall open(int opaque, long timeoutMs) {
        PendingCall call = new PendingCall(opaque, timeoutMs, this);
        calls.put(opaque, call);
        return call;
    }

    /** Completes the call {@code response} answers; false when no call waits for its opaque. */
    public boolean complete(RemotingCommand response) {
        PendingCall call = calls.remove(response.opaque());
        if (call == null) {
            return false;
        }
        call.succeed(response);
        return true;
    }

    /** Fails {@code call} unless it already completed. */
    public void fail(PendingCall call, RemotingException cause) {
        if (calls.remove(call.opaque(), call)) {
            call.fail(cause);
        }
    }

    /** Fails every outstanding call, e.g. when the connection closes. */
    public void failAll(String reason) {
        for (PendingCall call : calls.values()) {
            fail(call, new RemotingException(reason));
        }
    }

    public int size() {
        return calls.size();
    }

    String peer() {
        return peer.get();
    }
}
