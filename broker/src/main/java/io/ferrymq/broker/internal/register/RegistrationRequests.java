package io.ferrymq.broker.internal.register;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.ferrymq.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.RegisterBrokerBody;
import io.ferrymq.protocol.route.RegisterBrokerBodyCodec;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicConfigSerializeWrapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the REGISTER_BROKER (full topic table, JSON body with its CRC32) and UNREGISTER_BROKER
 * requests of one broker. Thread-safe (stateless apart from its immutable inputs).
 */
final class RegistrationRequests {
    private final BrokerIdentity identity;
    private final TopicConfigTable topics;

    RegistrationRequests(BrokerIdentity identity, TopicConfigTable topics) {
        this.identity = identity;
        this.topics = topics;
    }

    /** A fresh request (every send needs its own opaque) carrying the whole table as it is now. */
    RemotingCommand register() {
        DataVersion version = topics.dataVersion();
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (TopicConfig topic : topics.all()) {
            table.put(topic.topicName(), topic);
        }
        byte[] body = RegisterBrokerBodyCodec.encode(
                new RegisterBrokerBody(new TopicConfigSerializeWrapper(version, table), List.of()), false);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(
                identity.brokerName(),
                identity.brokerAddr(),
                identity.clusterName(),
                identity.haServerAddr(),
                identity.brokerId(),
                null,
                false,
                false,
                RegisterBrokerBodyCodec.bodyCrc32(body));
        return HeaderBinding.encodeInto(RemotingCommand.request(RequestCode.REGISTER_BROKER), header)
                .body(body);
    }

    RemotingCommand unregister() {
        UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader(
                identity.brokerName(), identity.brokerAddr(), identity.clusterName(), identity.brokerId());
        return HeaderBinding.encodeInto(RemotingCommand.request(RequestCode.UNREGISTER_BROKER), header);
    }
}
