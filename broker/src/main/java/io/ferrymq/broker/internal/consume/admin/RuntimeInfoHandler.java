package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RemotingVersion;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.KVTable;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GET_BROKER_RUNTIME_INFO (28): a {@code KVTable} ({@code {"table":{...}}}) under the keys Apache's
 * broker uses and {@code mqadmin clusterList} / {@code brokerStatus} and dashboards read: version,
 * commit-log offsets and dispatch lag, the earliest stored message's time, the disk's used share
 * ({@code commitLogDiskRatio}), consumer groups online,
 * boot time, and traffic from {@link TrafficStats} — {@code putTps} and {@code getTransferedTps}
 * (Apache's spelling) over 10 s, 1 min and 10 min, and the {@code msgPut/GetTotal*} counts from
 * which tools compute today's and yesterday's totals. {@code sendThreadPoolQueueSize} and its wait
 * are 0 because sends run on the connection's I/O thread (there is no send queue). Stateless apart
 * from the boot time.
 */
public final class RuntimeInfoHandler implements RequestHandler {
    private final MessageStore store;
    private final ClientRegistry registry;
    private final TrafficStats traffic;
    private final String brokerAddr;
    private final Clock clock;
    private final long bootTimestamp;

    public RuntimeInfoHandler(
            MessageStore store, ClientRegistry registry, TrafficStats traffic, String brokerAddr, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.traffic = traffic;
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
        long minOffset = store.commitLog().minOffset();
        long writtenOffset = store.commitLog().writtenOffset();
        table.put("commitLogMinOffset", Long.toString(minOffset));
        table.put("commitLogMaxOffset", Long.toString(writtenOffset));
        table.put("dispatchBehindBytes", Long.toString(writtenOffset - store.dispatchedOffset()));
        table.put(
                "commitLogDiskRatio",
                String.format(Locale.ROOT, "%.4f", store.commitLog().diskUsedRatio()));
        if (writtenOffset > minOffset) {
            ByteBuffer earliest = store.byPhysicalOffset(minOffset);
            if (earliest != null) {
                long storedAt =
                        new StoredRecord().wrap(earliest, earliest.position()).storeTimestamp();
                table.put("earliestMessageTimeStamp", Long.toString(storedAt));
            }
        }
        table.put(
                "consumerGroupsOnline",
                Integer.toString(registry.consumerGroups().size()));
        table.put("putTps", traffic.putTps());
        table.put("getTransferedTps", traffic.getTps());
        table.put("msgPutTotalTodayNow", Long.toString(traffic.putTotal()));
        table.put("msgGetTotalTodayNow", Long.toString(traffic.getTotal()));
        table.put("msgPutTotalTodayMorning", Long.toString(traffic.putTodayMorning()));
        table.put("msgGetTotalTodayMorning", Long.toString(traffic.getTodayMorning()));
        table.put("msgPutTotalYesterdayMorning", Long.toString(traffic.putYesterdayMorning()));
        table.put("msgGetTotalYesterdayMorning", Long.toString(traffic.getYesterdayMorning()));
        table.put("sendThreadPoolQueueSize", "0");
        table.put("sendThreadPoolQueueHeadWaitTimeMills", "0");
        return Answers.success(request, JsonBodyCodec.encode(new KVTable(table)));
    }
}
