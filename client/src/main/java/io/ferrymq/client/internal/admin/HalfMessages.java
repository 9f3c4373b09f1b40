package io.ferrymq.client.internal.admin;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.client.PendingTransaction;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.FerryAdminFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the half messages no transaction decision settled (FERRY_TRANSACTION_LIST) and lets an
 * operator settle one (FERRY_TRANSACTION_RESOLVE). Thread-safe.
 */
public final class HalfMessages {
    private final Rpc rpc;
    private final BrokerDirectory brokers;
    private final long timeoutMs;

    public HalfMessages(Rpc rpc, BrokerDirectory brokers, long timeoutMs) {
        this.rpc = rpc;
        this.brokers = brokers;
        this.timeoutMs = timeoutMs;
    }

    /** The parked (or, with {@code parkedOnly} false, all pending) half messages of every master, {@code max} each. */
    public List<PendingTransaction> unresolved(String cluster, boolean parkedOnly, int max) {
        List<PendingTransaction> found = new ArrayList<>();
        for (String addr : brokers.masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_TRANSACTION_LIST)
                    .extFields(new HashMap<>(Map.of(
                            FerryAdminFields.STATE,
                            parkedOnly ? "unresolved" : "pending",
                            FerryAdminFields.MAX,
                            Integer.toString(max))));
            found.addAll(decodeList(addr, rpc.callOk(addr, request, timeoutMs).body()));
        }
        return found;
    }

    /** Commits or rolls back the half message at {@code halfOffset} on {@code brokerAddr}. */
    public void resolve(String brokerAddr, long halfOffset, boolean commit) {
        RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_TRANSACTION_RESOLVE)
                .extFields(new HashMap<>(Map.of(
                        FerryAdminFields.HALF_OFFSET,
                        Long.toString(halfOffset),
                        FerryAdminFields.DECISION,
                        commit ? "COMMIT" : "ROLLBACK")));
        rpc.callOk(brokerAddr, request, timeoutMs);
    }

    /** A FERRY_TRANSACTION_LIST body from {@code addr}: a JSON array of half messages. */
    static List<PendingTransaction> decodeList(String addr, byte[] body) {
        List<PendingTransaction> found = new ArrayList<>();
        for (JSONObject half : JSON.parseArray(body).toJavaList(JSONObject.class)) {
            found.add(new PendingTransaction(
                    addr,
                    half.getLongValue("halfOffset"),
                    half.getString("topic"),
                    half.getIntValue("queueId"),
                    half.getString("msgId"),
                    half.getString("producerGroup"),
                    half.getLongValue("storeTimeMs"),
                    half.getIntValue("checks"),
                    half.getString("state")));
        }
        return found;
    }
}
