package io.ferrymq.client.internal;

import io.ferrymq.client.ClientException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.remoting.RemotingException;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Request/response calls over a {@link RemotingClient}, turning transport failures and unexpected
 * response codes into {@link ClientException}s. Thread-safe.
 */
public final class Rpc {
    private final RemotingClient remoting;

    public Rpc(RemotingClient remoting) {
        this.remoting = remoting;
    }

    public RemotingClient remoting() {
        return remoting;
    }

    /** A request of {@code code} whose custom header is {@code header} (null: an empty {@code extFields}). */
    public static RemotingCommand request(int code, Record header) {
        RemotingCommand request = RemotingCommand.request(code);
        request.extFields(new HashMap<>());
        if (header != null) {
            HeaderBinding.encodeInto(request, header);
        }
        return request;
    }

    /** Sends and waits; any response code is returned as is. */
    public RemotingCommand call(String addr, RemotingCommand request, long timeoutMs) {
        try {
            return remoting.invokeSync(addr, request, timeoutMs);
        } catch (RemotingException e) {
            throw new ClientException(describe(request, addr) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(describe(request, addr) + " interrupted", e);
        }
    }

    /** Sends and waits; a response other than SUCCESS throws. */
    public RemotingCommand callOk(String addr, RemotingCommand request, long timeoutMs) {
        RemotingCommand response = call(addr, request, timeoutMs);
        if (response.code() != ResponseCode.SUCCESS) {
            throw refused(addr, request, response);
        }
        return response;
    }

    /**
     * Sends and waits; SUCCESS gives the response, {@code notFoundCode} (e.g. QUERY_NOT_FOUND) gives
     * empty, and any other code throws.
     */
    public Optional<RemotingCommand> callFound(String addr, RemotingCommand request, long timeoutMs, int notFoundCode) {
        RemotingCommand response = call(addr, request, timeoutMs);
        if (response.code() == notFoundCode) {
            return Optional.empty();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw refused(addr, request, response);
        }
        return Optional.of(response);
    }

    /** Sends without waiting; the future fails with a {@link ClientException} on transport errors. */
    public CompletableFuture<RemotingCommand> callAsync(String addr, RemotingCommand request, long timeoutMs) {
        return remoting.invokeAsync(addr, request, timeoutMs)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        new ClientException(describe(request, addr) + " failed: " + failure.getMessage(), failure)));
    }

    /** Sends oneway. */
    public void oneway(String addr, RemotingCommand request) {
        try {
            remoting.invokeOneway(addr, request.markOneway());
        } catch (RemotingException e) {
            throw new ClientException(describe(request, addr) + " failed: " + e.getMessage(), e);
        }
    }

    /** The exception for an unexpected response. */
    public static ClientException refused(String addr, RemotingCommand request, RemotingCommand response) {
        return new ClientException(
                response.code(),
                describe(request, addr) + " answered " + ResponseCode.nameOf(response.code()) + " (" + response.code()
                        + "): " + response.remark());
    }

    private static String describe(RemotingCommand request, String addr) {
        return RequestCode.nameOf(request.code()) + " to " + addr;
    }
}
