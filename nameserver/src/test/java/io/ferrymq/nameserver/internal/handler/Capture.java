package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.RegisterBrokerBody;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicConfigSerializeWrapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Frames and bodies seen in docs/wire-capture-5.2.0.log (Apache 5.2.0 broker and nameserver). */
public final class Capture {
    /** The broker's single-topic increment after creating TopicTest (bodyCrc32 1048827481). */
    public static final String INCREMENT_BODY = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{"
            + "\"dataVersion\":{\"counter\":1,\"stateVersion\":0,\"timestamp\":1795228128977},"
            + "\"mappingDataVersion\":{\"counter\":0,\"stateVersion\":0,\"timestamp\":1795228128992},"
            + "\"topicConfigTable\":{\"TopicTest\":{\"attributes\":{},\"order\":false,\"perm\":6,\"readQueueNums\":4,"
            + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,\"writeQueueNums\":4}},"
            + "\"topicQueueMappingDetailMap\":{},\"topicQueueMappingInfoMap\":{}}}";

    public static final int INCREMENT_CRC32 = 1048827481;

    /** The nameserver's route of TopicTest. */
    public static final String TOPIC_TEST_ROUTE = "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0.0.2:20911\"},"
            + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}],"
            + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
            + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}";

    /** The nameserver's cluster info, with its broker id quoted (Apache wrote {@code {0:…}}). */
    public static final String CLUSTER_INFO =
            "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{\"0\":\"127.0.0.2:20911\"},"
                    + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}},"
                    + "\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}";

    public static final String BROKER_ADDR = "127.0.0.2:20911";

    private Capture() {}

    /** The first registration's topic table (the capture cut it short; these are its first entries). */
    public static Map<String, TopicConfig> fullTopicTable() {
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        for (TopicConfig topic : List.of(
                TopicConfig.of("RMQ_SYS_TRANS_HALF_TOPIC", 1, 1, 6),
                TopicConfig.of("BenchmarkTest", 1024, 1024, 6),
                TopicConfig.of("OFFSET_MOVED_EVENT", 1, 1, 6),
                TopicConfig.of("TBW102", 8, 8, 7),
                TopicConfig.of("rmq_sys_REVIVE_LOG_DefaultCluster", 8, 8, 6),
                TopicConfig.of("SELF_TEST_TOPIC", 1, 1, 6),
                TopicConfig.of("DefaultCluster", 16, 16, 7),
                TopicConfig.of("broker-a", 1, 1, 7))) {
            topics.put(topic.topicName(), topic);
        }
        return topics;
    }

    public static RegisterBrokerBody fullBody(long counter) {
        DataVersion version = new DataVersion(0, 1795228102657L, counter);
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(version, fullTopicTable()), List.of());
    }

    /** A REGISTER_BROKER frame like the capture's: broker-a, master, JSON body with its CRC. */
    public static RemotingCommand registerRequest(String brokerName, String brokerAddr, long brokerId, byte[] body) {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.REGISTER_BROKER).version(453);
        request.putExtField("brokerId", Long.toString(brokerId));
        request.putExtField(
                "bodyCrc32", Integer.toString(io.ferrymq.protocol.route.RegisterBrokerBodyCodec.bodyCrc32(body)));
        request.putExtField("clusterName", "DefaultCluster");
        request.putExtField("brokerAddr", brokerAddr);
        request.putExtField("enableActingMaster", "false");
        request.putExtField("haServerAddr", "192.0.2.2:20912");
        request.putExtField("compressed", "false");
        request.putExtField("brokerName", brokerName);
        return request.body(body);
    }

    public static RemotingCommand registerFull(String brokerName, String brokerAddr) {
        return registerRequest(brokerName, brokerAddr, 0, JsonBodyCodec.encode(fullBody(0)));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
