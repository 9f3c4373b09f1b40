package io.ferrymq.broker.internal.retry;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupConfig;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.send.StoreHost;
import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.DeadLetterOffice;
import io.ferrymq.dlq.RetryPolicies;
import io.ferrymq.dlq.RetryPolicy;
import io.ferrymq.dlq.RetryRecords;
import io.ferrymq.dlq.RetryTopics;
import io.ferrymq.dlq.SendBackDecision;
import io.ferrymq.dlq.SendBackPlanner;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.broker.ConsumerSendMsgBackRequestHeader;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import io.ferrymq.scheduler.DelayLevels;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CONSUMER_SEND_MSG_BACK (36, wire-protocol §4.7): a consumer could not process the message at
 * commit-log {@code offset}. The broker re-reads it and writes a new message: to {@code
 * %RETRY%<group>} (a random one of the group's retry queues), parked for the scheduler until the
 * group's back-off has passed (delay level 3 + reconsume count by default, or the group's {@code
 * groupRetryPolicy}); or, past {@code maxReconsumeTimes} (the header's, else the group's {@code
 * retryMaxTimes}) or with a negative delay level, to {@code %DLQ%<group>} (created on demand, one
 * queue, readable), counted per group. Either keeps the body, the message id and the original topic
 * and id in properties, with the reconsume count one higher. SUCCESS once stored; a group that does
 * not exist (and may not be created) gets SUBSCRIPTION_GROUP_NOT_EXIST. Thread-safe.
 */
public final class SendBackHandler implements RequestHandler {
    private static final HeaderBinding<ConsumerSendMsgBackRequestHeader> HEADER =
            HeaderBinding.of(ConsumerSendMsgBackRequestHeader.class);

    private final SubscriptionGroupTable groups;
    private final TopicConfigTable topics;
    private final MessageStore store;
    private final DelayLevels levels;
    private final SendBackPlanner planner;
    private final DeadLetterOffice deadLetters;
    private final StoreHost storeHost;
    private final Clock clock;
    private final boolean autoCreateGroups;

    public SendBackHandler(
            SubscriptionGroupTable groups,
            TopicConfigTable topics,
            MessageStore store,
            DelayLevels levels,
            DeadLetterOffice deadLetters,
            StoreHost storeHost,
            Clock clock,
            boolean autoCreateGroups) {
        this.groups = groups;
        this.topics = topics;
        this.store = store;
        this.levels = levels;
        this.planner = new SendBackPlanner(levels);
        this.deadLetters = deadLetters;
        this.storeHost = storeHost;
        this.clock = clock;
        this.autoCreateGroups = autoCreateGroups;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        ConsumerSendMsgBackRequestHeader header = HEADER.decode(request.extFields());
        Optional<SubscriptionGroupConfig> found = groups.find(header.group());
        if (found.isEmpty() && !autoCreateGroups) {
            return RemotingCommand.responseTo(
                    request,
                    ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group[" + header.group() + "] does not exist (autoCreateSubscriptionGroup is off)");
        }
        SubscriptionGroupConfig group = found.orElseGet(() -> groups.createIfAbsent(header.group()));
        if (group.retryQueueNums() <= 0) {
            return RemotingCommand.successTo(request); // the group opted out of retries: dropped
        }
        ByteBuffer bytes = store.byPhysicalOffset(header.offset());
        if (bytes == null) {
            return RemotingCommand.responseTo(
                    request,
                    ResponseCode.SYSTEM_ERROR,
                    "no message at commit-log offset " + header.offset() + " to send back");
        }
        StoredRecord failed = new StoredRecord().wrap(bytes, bytes.position());
        RetryPolicy policy;
        try {
            policy = RetryPolicies.parse(group.groupRetryPolicyJson(), levels);
        } catch (IllegalArgumentException e) {
            policy = RetryPolicies.levels(levels);
        }
        long now = clock.millis();
        int max = SendBackPlanner.effectiveMaxReconsumeTimes(header.maxReconsumeTimes(), group.retryMaxTimes());
        SendBackDecision decision = planner.plan(failed.reconsumeTimes(), max, header.delayLevel(), policy, now);
        EncodableMessage message;
        try {
            if (decision.isDeadLetter()) {
                topics.createIfAbsent(RetryTopics.dlq(header.group()), 1);
                message = RetryRecords.deadLetter(failed, header.group(), header.originMsgId(), host());
            } else {
                int queues = Math.max(1, group.retryQueueNums());
                topics.createIfAbsent(RetryTopics.retry(header.group()), queues);
                message = RetryRecords.retry(
                        failed,
                        header.group(),
                        ThreadLocalRandom.current().nextInt(queues),
                        header.originMsgId(),
                        decision.deliverAtMs(),
                        now,
                        host());
            }
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        boolean deadLetter = decision.isDeadLetter();
        store.put(new MessageRecord(message)).whenComplete((result, failure) -> {
            if (failure == null && result.written() && deadLetter) {
                deadLetters.recordDeadLettered(header.group());
            }
            if (!request.isOneway()) {
                channel.writeResponse(answer(request, result, failure));
            }
        });
        return null;
    }

    private static RemotingCommand answer(RemotingCommand request, AppendResult result, Throwable failure) {
        if (failure != null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "store failure: " + failure);
        }
        return result.written()
                ? RemotingCommand.successTo(request)
                : RemotingCommand.responseTo(
                        request, ResponseCode.SYSTEM_ERROR, result.status().name());
    }

    private InetSocketAddress host() {
        try {
            return new InetSocketAddress(
                    InetAddress.getByAddress(storeHost.address()),
                    storeHost.port().getAsInt());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a store host is 4 or 16 bytes", e);
        }
    }
}
