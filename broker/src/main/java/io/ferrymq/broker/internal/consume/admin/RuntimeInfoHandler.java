package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RemotingVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.KVTable;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET_BROKER_RUNTIME_INFO (28): a {@code KVTable} ({@code {"table":{...}}}) of what this broker
 * knows: version, commit-log offsets and dispatch lag, consumer groups online, boot time. Counters
 * Apache keeps (TPS, totals today) are reported as 0. Stateless apart from the boot time.
 */
public final class RuntimeInfoHandler implements RequestHandler {
    private final MessageStore store;
    private final ClientRegistry registry;
    private final String brokerAddr;
    private final Clock clock;
    private final long bootTimestamp;

    public RuntimeInfoHandler(MessageStore store, ClientRegistry registry, String brokerAddr, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.brokerAddr = brokerAddr;
        this.clock = clock;
        this.bootTimestamp = clock.millis();
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("brokerVersionDesc", "V5_3_1");
        table.put("brokerVersion", Integer.toString(RemotingVersion.CURRENT));
        table.put("brokerAddr", brokerAddr);
        table.put("bootTimestamp", Long.toString(bootTimestamp));
        table.put("runtime", Long.toString(clock.millis() - bootTimestamp));
        table.put("commitLogMinOffset", Long.toString(store.commitLog().minOffset()));
        table.put("commitLogMaxOffset", Long.toString(store.commitLog().writtenOffset()));
        table.put("dispatchBehindBytes", Long.toString(store.commitLog().writtenOffset() - store.dispatchedOffset()));
        table.put(
                "consumerGroupsOnline",
                Integer.toString(registry.consumerGroups().size()));
        for (String zero : new String[] {
            "msgPutTotalTodayNow",
            "msgGetTotalTodayNow",
            "msgPutTotalYesterdayMorning",
            "msgGetTotalYesterdayMorning",
            "msgPutTotalTodayMorning",
            "msgGetTotalTodayMorning"
        }) {
            table.put(zero, "0");
        }
        table.put("putTps", "0.0 0.0 0.0");
        table.put("getTransferredTps", "0.0 0.0 0.0");
        return Answers.success(request, JsonBodyCodec.encode(new KVTable(table)));
    }
}
