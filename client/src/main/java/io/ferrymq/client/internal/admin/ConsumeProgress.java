package io.ferrymq.client.internal.admin;

import io.ferrymq.client.ConsumerGroupStats;
import io.ferrymq.client.QueueStats;
import io.ferrymq.client.internal.ConsumeStatsCodec;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.ferrymq.protocol.route.BrokerData;
import java.util.ArrayList;
import java.util.List;

/** A consumer group's offsets, lag and rate on a topic, gathered from every master of its route. Thread-safe. */
public final class ConsumeProgress {
    private final Rpc rpc;
    private final BrokerDirectory brokers;
    private final long timeoutMs;

    public ConsumeProgress(Rpc rpc, BrokerDirectory brokers, long timeoutMs) {
        this.rpc = rpc;
        this.brokers = brokers;
        this.timeoutMs = timeoutMs;
    }

    /** GET_CONSUME_STATS of each master: queues merged and sorted, consume rates summed. */
    public ConsumerGroupStats of(String group, String topic) {
        List<QueueStats> queues = new ArrayList<>();
        double tps = 0;
        for (BrokerData broker : brokers.route(topic).brokerDatas()) {
            if (broker.masterAddr() == null) {
                continue;
            }
            RemotingCommand request =
                    Rpc.request(RequestCode.GET_CONSUME_STATS, new GetConsumeStatsRequestHeader(group, topic, null));
            byte[] body = rpc.callOk(broker.masterAddr(), request, timeoutMs).body();
            queues.addAll(ConsumeStatsCodec.queues(body));
            tps += ConsumeStatsCodec.consumeTps(body);
        }
        queues.sort((a, b) -> a.queue().compareTo(b.queue()));
        return new ConsumerGroupStats(group, queues, tps);
    }
}
