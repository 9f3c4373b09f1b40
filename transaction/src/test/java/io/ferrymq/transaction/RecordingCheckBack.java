package io.ferrymq.transaction;

import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A check-back that records every call and answers "sent" for the groups marked live. Thread-safe. */
final class RecordingCheckBack implements CheckBack {
    /** One call, with what the half record said. */
    record Call(
            String group,
            long halfOffset,
            String uniqKey,
            long atMs,
            String recordTopic,
            long recordOffset,
            boolean sent) {}

    private final Clock clock;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    RecordingCheckBack(Clock clock, String... liveGroups) {
        this.clock = clock;
        live.addAll(List.of(liveGroups));
    }

    void live(String group, boolean isLive) {
        if (isLive) {
            live.add(group);
        } else {
            live.remove(group);
        }
    }

    void failWith(RuntimeException e) {
        failure = e;
    }

    List<Call> calls() {
        return calls;
    }

    List<Call> sent() {
        return calls.stream().filter(Call::sent).toList();
    }

    @Override
    public boolean check(String producerGroup, ByteBuffer halfRecord, long halfOffset, String uniqKey) {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
        StoredRecord record = new StoredRecord().wrap(halfRecord, 0);
        boolean sent = live.contains(producerGroup);
        calls.add(new Call(
                producerGroup, halfOffset, uniqKey, clock.millis(), record.topic(), record.physicalOffset(), sent));
        return sent;
    }
}
