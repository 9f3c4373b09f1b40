package io.ferrymq.transaction.internal;

import io.ferrymq.transaction.Decision;
import io.ferrymq.transaction.EndResult;
import java.util.concurrent.CompletableFuture;

/**
 * One END_TRANSACTION (or operator resolve) handed to the transaction agent, and its answer.
 *
 * <p>Created on any thread, then owned by the agent's thread; {@link #result()} may be awaited from
 * any thread.
 */
public final class EndRequest {
    private final long offset;
    private final Decision decision;
    private final String producerGroup;
    private final String uniqKey;
    private final CompletableFuture<EndResult> result = new CompletableFuture<>();
    private long waitUntilNs;

    /**
     * @param producerGroup checked against the half's PGROUP unless null or empty
     * @param uniqKey checked against the half's UNIQ_KEY unless null or empty
     */
    public EndRequest(long offset, Decision decision, String producerGroup, String uniqKey) {
        this.offset = offset;
        this.decision = decision;
        this.producerGroup = producerGroup;
        this.uniqKey = uniqKey;
    }

    public long offset() {
        return offset;
    }

    public Decision decision() {
        return decision;
    }

    public String producerGroup() {
        return producerGroup;
    }

    public String uniqKey() {
        return uniqKey;
    }

    public CompletableFuture<EndResult> result() {
        return result;
    }

    /** Completes the answer (a second completion is ignored). */
    public void complete(EndResult answer) {
        result.complete(answer);
    }

    /** Until when (System.nanoTime) the request may wait for its half to be dispatched; 0 = not waiting yet. */
    long waitUntilNs() {
        return waitUntilNs;
    }

    void waitUntilNs(long ns) {
        waitUntilNs = ns;
    }
}
