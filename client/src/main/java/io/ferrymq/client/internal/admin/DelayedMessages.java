package io.ferrymq.client.internal.admin;

import io.ferrymq.client.DelayStats;
import io.ferrymq.client.internal.DelayStatsCodec;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.FerryAdminFields;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Cancels pending delayed messages and reads timer statistics on the masters of a cluster. Thread-safe. */
public final class DelayedMessages {
    private final Rpc rpc;
    private final BrokerDirectory brokers;
    private final long timeoutMs;

    public DelayedMessages(Rpc rpc, BrokerDirectory brokers, long timeoutMs) {
        this.rpc = rpc;
        this.brokers = brokers;
        this.timeoutMs = timeoutMs;
    }

    /** FERRY_CANCEL_TIMER on every master; true when one of them had {@code msgId} pending. */
    public boolean cancel(String cluster, String msgId) {
        boolean cancelled = false;
        for (String addr : brokers.masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_CANCEL_TIMER)
                    .extFields(new HashMap<>(Map.of(FerryAdminFields.MSG_ID, msgId)));
            if (rpc.callFound(addr, request, timeoutMs, ResponseCode.QUERY_NOT_FOUND)
                    .isPresent()) {
                cancelled = true;
            }
        }
        return cancelled;
    }

    /** FERRY_TIMER_STATS of every master, by address. */
    public Map<String, DelayStats> stats(String cluster) {
        Map<String, DelayStats> stats = new TreeMap<>();
        for (String addr : brokers.masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_TIMER_STATS);
            stats.put(
                    addr,
                    DelayStatsCodec.decode(rpc.callOk(addr, request, timeoutMs).body()));
        }
        return stats;
    }
}
