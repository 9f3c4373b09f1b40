package io.ferrymq.client.internal.admin;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.broker.CreateTopicRequestHeader;
import io.ferrymq.protocol.header.broker.DeleteTopicRequestHeader;
import io.ferrymq.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;

/** Creates and deletes topics on the masters of a cluster (and deletes them from every nameserver). Thread-safe. */
public final class Topics {
    private final Rpc rpc;
    private final BrokerDirectory brokers;
    private final long timeoutMs;

    public Topics(Rpc rpc, BrokerDirectory brokers, long timeoutMs) {
        this.rpc = rpc;
        this.brokers = brokers;
        this.timeoutMs = timeoutMs;
    }

    /** UPDATE_AND_CREATE_TOPIC with {@code queueNums} read and write queues, readable and writable, on every master. */
    public void create(String cluster, String topic, int queueNums) {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(
                topic,
                "TBW102",
                queueNums,
                queueNums,
                PermName.PERM_READ | PermName.PERM_WRITE,
                TopicConfig.SINGLE_TAG,
                0,
                false,
                null,
                null,
                null);
        for (String addr : brokers.masters(cluster)) {
            rpc.callOk(addr, Rpc.request(RequestCode.UPDATE_AND_CREATE_TOPIC, header), timeoutMs);
        }
    }

    /**
     * DELETE_TOPIC_IN_BROKER on every master, then DELETE_TOPIC_IN_NAMESRV on every nameserver (each
     * keeps its own routes); a nameserver that fails does not stop the others, and its failure is
     * thrown afterwards.
     */
    public void delete(String cluster, String topic) {
        for (String addr : brokers.masters(cluster)) {
            RemotingCommand request =
                    Rpc.request(RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader(topic, null));
            rpc.callOk(addr, request, timeoutMs);
        }
        ClientException failed = null;
        for (String addr : brokers.namesrvAddrs()) {
            RemotingCommand request = Rpc.request(
                    RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader(topic, cluster));
            try {
                rpc.callOk(addr, request, timeoutMs);
            } catch (ClientException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
