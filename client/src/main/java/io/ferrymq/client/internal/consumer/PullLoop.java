package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.internal.RouteTable;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullHeaderCodec;
import io.ferrymq.protocol.header.broker.PullMessageRequestHeader;
import io.ferrymq.protocol.header.broker.PullMessageResponseHeader;
import io.ferrymq.protocol.header.broker.PullResponseHeaderCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one long-polling PULL_MESSAGE outstanding per assigned queue (wire-protocol §4.4): SUSPEND
 * set, held up to 15 s, RPC timeout 30 s. SUCCESS: decode, re-filter by tag, hand over, pull on;
 * 19/20: move to {@code nextBeginOffset} and pull on; 21: drop the queue and store the offset it
 * names; anything else: try again in 3 s (FLOW_CONTROL: 20 ms). A queue over its flow-control limit,
 * or (orderly) not locked, waits. Responses are handled on the scheduler. Thread-safe.
 */
public final class PullLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PullLoop.class);
    private static final long RETRY_DELAY_MS = 3000;
    private static final long FLOW_CONTROL_DELAY_MS = 50;
    private static final long BROKER_FLOW_CONTROL_DELAY_MS = 20;
    private static final long NOT_LOCKED_DELAY_MS = 500;
    private static final int FLOW_CONTROL_CODE = 215;

    private final Rpc rpc;
    private final RouteTable routes;
    private final ScheduledExecutorService scheduler;
    private final ConsumerSettings settings;
    private final Map<String, Subscription> subscriptions;
    private final OffsetStore offsets;
    private final ConsumeDispatcher dispatcher;
    private final Consumer<MessageQueue> offsetMoved;
    private final Clock clock;

    public PullLoop(
            Rpc rpc,
            RouteTable routes,
            ScheduledExecutorService scheduler,
            ConsumerSettings settings,
            Map<String, Subscription> subscriptions,
            OffsetStore offsets,
            ConsumeDispatcher dispatcher,
            Consumer<MessageQueue> offsetMoved,
            Clock clock) {
        this.rpc = rpc;
        this.routes = routes;
        this.scheduler = scheduler;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.offsets = offsets;
        this.dispatcher = dispatcher;
        this.offsetMoved = offsetMoved;
        this.clock = clock;
    }

    /** Starts pulling {@code queue} at {@code offset}; stops once the queue is dropped. */
    public void start(ProcessQueue queue, long offset) {
        later(new Cursor(queue, offset), 0);
    }

    private void pull(Cursor cursor) {
        ProcessQueue queue = cursor.queue;
        if (queue.isDropped()) {
            return;
        }
        if (settings.flowControl().shouldPause(queue)) {
            later(cursor, FLOW_CONTROL_DELAY_MS);
            return;
        }
        if (settings.needsLocks() && !queue.isLocked(clock.millis())) {
            later(cursor, NOT_LOCKED_DELAY_MS);
            return;
        }
        MessageQueue mq = queue.queue();
        String addr = routes.masterAddr(mq.brokerName());
        Subscription subscription = subscriptions.get(mq.topic());
        if (addr == null || subscription == null) {
            later(cursor, RETRY_DELAY_MS);
            return;
        }
        rpc.callAsync(addr, request(cursor, subscription), ConsumerSettings.PULL_TIMEOUT_MS)
                .whenCompleteAsync(
                        (response, failure) -> onResponse(cursor, subscription, response, failure), scheduler);
    }

    private RemotingCommand request(Cursor cursor, Subscription subscription) {
        MessageQueue mq = cursor.queue.queue();
        long committed = offsets.read(mq);
        int sysFlag = PullMessageRequestHeader.FLAG_SUSPEND;
        if (settings.clustering() && committed > 0) {
            sysFlag |= PullMessageRequestHeader.FLAG_COMMIT_OFFSET;
        }
        PullMessageRequestHeader header = new PullMessageRequestHeader(
                settings.group(),
                mq.topic(),
                mq.queueId(),
                cursor.offset,
                settings.pullBatchSize(),
                sysFlag,
                Math.max(0, committed),
                ConsumerSettings.SUSPEND_TIMEOUT_MS,
                null,
                subscription.subVersion(),
                "TAG",
                null,
                null,
                null,
                mq.brokerName());
        Map<String, String> fields = new HashMap<>();
        PullHeaderCodec.INSTANCE.encodeInto(header, fields);
        return RemotingCommand.request(RequestCode.PULL_MESSAGE).extFields(fields);
    }

    private void onResponse(Cursor cursor, Subscription subscription, RemotingCommand response, Throwable failure) {
        if (cursor.queue.isDropped()) {
            return;
        }
        if (failure != null) {
            LOG.debug("pull of {} failed: {}", cursor.queue.queue(), failure.toString());
            later(cursor, RETRY_DELAY_MS);
            return;
        }
        try {
            handle(cursor, subscription, response);
        } catch (RuntimeException e) { // a malformed answer: report and carry on later
            LOG.warn("pull answer for {} not usable: {}", cursor.queue.queue(), e.toString());
            later(cursor, RETRY_DELAY_MS);
        }
    }

    private void handle(Cursor cursor, Subscription subscription, RemotingCommand response) {
        MessageQueue mq = cursor.queue.queue();
        LOG.debug("pull of {} at {} answered {}", mq, cursor.offset, response.code());
        switch (response.code()) {
            case ResponseCode.SUCCESS -> {
                PullMessageResponseHeader header = PullResponseHeaderCodec.INSTANCE.decode(response.extFields());
                found(cursor, subscription, response.body(), header.nextBeginOffset());
                pull(cursor);
            }
            case ResponseCode.PULL_NOT_FOUND, ResponseCode.PULL_RETRY_IMMEDIATELY -> {
                cursor.offset = nextBeginOffset(response);
                if (cursor.queue.isEmpty()) {
                    offsets.update(mq, cursor.offset, true);
                }
                pull(cursor);
            }
            case ResponseCode.PULL_OFFSET_MOVED -> {
                long next = nextBeginOffset(response);
                LOG.warn("offset {} of {} is out of range; moving to {}", cursor.offset, mq, next);
                cursor.queue.drop();
                offsets.update(mq, next, false);
                offsetMoved.accept(mq);
            }
            case FLOW_CONTROL_CODE -> later(cursor, BROKER_FLOW_CONTROL_DELAY_MS);
            default -> {
                LOG.warn("pull of {} answered {}: {}", mq, response.code(), response.remark());
                later(cursor, RETRY_DELAY_MS);
            }
        }
    }

    private void found(Cursor cursor, Subscription subscription, byte[] body, long nextBeginOffset) {
        MessageQueue mq = cursor.queue.queue();
        List<MessageView> wanted = new ArrayList<>();
        for (MessageView message : PullBodyDecoder.decode(body, mq.brokerName(), mq)) {
            if (subscription.expression().matches(message.tags())) {
                wanted.add(message);
            }
        }
        cursor.offset = nextBeginOffset;
        if (wanted.isEmpty()) {
            if (cursor.queue.isEmpty()) {
                offsets.update(mq, nextBeginOffset, true);
            }
            return;
        }
        cursor.queue.add(wanted);
        dispatcher.dispatch(cursor.queue, wanted);
    }

    private static long nextBeginOffset(RemotingCommand response) {
        return PullResponseHeaderCodec.INSTANCE.decode(response.extFields()).nextBeginOffset();
    }

    private void later(Cursor cursor, long delayMs) {
        try {
            scheduler.schedule(() -> pull(cursor), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            cursor.queue.drop();
        }
    }

    /** Where one queue's pulling stands; touched by one pull round at a time. */
    private static final class Cursor {
        final ProcessQueue queue;
        volatile long offset;

        Cursor(ProcessQueue queue, long offset) {
            this.queue = queue;
            this.offset = offset;
        }
    }
}
