package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.broker.internal.consume.offset.ConsumerOffsetTable;
import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.GetStatus;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullHeaderCodec;
import io.ferrymq.protocol.header.broker.PullMessageRequestHeader;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361): checks ({@link PullGate}), stores the piggy-backed
 * commit offset (COMMIT_OFFSET flag), reads ({@link PullReader}) and answers — or, when the answer
 * would be 19 and the SUSPEND flag is set, parks the pull ({@link HeldPulls}) and returns null; it is
 * answered later by a wake-up or the {@link PullHoldAgent}. It runs on a pool as large as the core
 * count: a batch whose first record lies outside the {@link MemoryWindow} (it may fault pages in from
 * disk) is answered from the {@code coldReads} executor instead, so a slow disk never holds up pulls
 * served from memory (a full cold pool answers SYSTEM_BUSY; the client retries). Hold time: the
 * request's {@code suspendTimeoutMillis} capped at {@value #MAX_HOLD_MS} ms (the client gives up at 30 s, G11) with
 * long polling on, {@code shortPollingTimeMills} with it off. Stateless and thread-safe.
 */
public final class PullHandler implements RequestHandler {
    static final long MAX_HOLD_MS = 20_000;

    private final PullGate gate;
    private final PullReader reader;
    private final HeldPulls held;
    private final ConsumerOffsetTable offsets;
    private final MessageStore store;
    private final PullResumer resumer;
    private final MemoryWindow memory;
    private final Executor coldReads;
    private final Clock clock;
    private final long shortPollingMs;
    private final boolean longPolling;

    public PullHandler(
            PullGate gate,
            PullReader reader,
            HeldPulls held,
            ConsumerOffsetTable offsets,
            MessageStore store,
            PullResumer resumer,
            MemoryWindow memory,
            Executor coldReads,
            Clock clock,
            boolean longPolling,
            long shortPollingMs) {
        this.gate = gate;
        this.reader = reader;
        this.held = held;
        this.offsets = offsets;
        this.store = store;
        this.resumer = resumer;
        this.memory = memory;
        this.coldReads = coldReads;
        this.clock = clock;
        this.longPolling = longPolling;
        this.shortPollingMs = shortPollingMs;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        PullMessageRequestHeader header = PullHeaderCodec.INSTANCE.decode(request.extFields());
        PullGate.Verdict verdict = gate.check(request, header);
        if (verdict.refusal() != null) {
            return verdict.refusal();
        }
        if (header.hasFlag(PullMessageRequestHeader.FLAG_COMMIT_OFFSET)) {
            offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        }
        GetResult batch = reader.get(header, verdict.expression());
        if (batch.status() == GetStatus.FOUND && !memory.contains(batch.firstPhysicalOffset())) {
            return answerFromColdPool(channel, request, header, batch, verdict.expression());
        }
        PullAnswer answer = reader.answer(header, batch, verdict.expression());
        long holdMs = holdMs(header);
        if (!answer.isNotFound() || holdMs <= 0) {
            return answer.toResponse(request);
        }
        held.park(new HeldPull(channel, request, header, verdict.expression(), clock.millis() + holdMs));
        if (store.maxOffset(header.topic(), header.queueId()) > header.queueOffset()) {
            // a message was dispatched between the read and the parking: its wake-up may have missed us
            resumer.resumeAll(held.takeMatching(header.topic(), header.queueId(), 0L, true));
        }
        return null;
    }

    private RemotingCommand answerFromColdPool(
            RemoteChannel channel,
            RemotingCommand request,
            PullMessageRequestHeader header,
            GetResult batch,
            TagExpression expression) {
        try {
            coldReads.execute(() -> channel.writeResponse(
                    reader.answer(header, batch, expression).toResponse(request)));
            return null;
        } catch (RejectedExecutionException e) {
            return RemotingCommand.responseTo(
                    request, ResponseCode.SYSTEM_BUSY, "too many pulls reading from disk; retry later");
        }
    }

    private long holdMs(PullMessageRequestHeader header) {
        if (!header.hasFlag(PullMessageRequestHeader.FLAG_SUSPEND)) {
            return 0;
        }
        return longPolling ? Math.min(header.suspendTimeoutMillis(), MAX_HOLD_MS) : shortPollingMs;
    }
}
