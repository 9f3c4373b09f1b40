package io.ferrymq.broker.internal.consume;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.admin.TrafficStats;
import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.broker.internal.consume.lock.QueueLockTable;
import io.ferrymq.broker.internal.consume.offset.ConsumerOffsetTable;
import io.ferrymq.broker.internal.consume.pull.PullHandler;
import io.ferrymq.consumequeue.MessageStore;
import java.time.Clock;

/** The consume side's shared parts, handed to the handler wiring. Immutable. */
record ConsumeParts(
        ConsumeSettings settings,
        MessageStore store,
        TopicConfigTable topics,
        Clock clock,
        SubscriptionGroupTable groups,
        ClientRegistry clients,
        ConsumerOffsetTable offsets,
        QueueLockTable locks,
        PullHandler pulls,
        TrafficStats traffic) {}
