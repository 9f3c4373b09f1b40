package io.ferrymq.client.internal.consumer;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broadcasting offsets: each consumer keeps its own in {@code <dir>/<group>/offsets.json}, a JSON
 * array of {@code {"topic","brokerName","queueId","offset"}}, rewritten whole (write to a temporary
 * file, then an atomic move). Thread-safe.
 */
public final class LocalOffsetStore implements OffsetStore {
    private final Path file;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();
    private final Map<MessageQueue, Long> stored = new ConcurrentHashMap<>();

    /** One stored offset. */
    public record Entry(String topic, String brokerName, int queueId, long offset) {}

    public LocalOffsetStore(Path dir, String group) {
        this.file = dir.resolve(group).resolve("offsets.json");
    }

    public Path file() {
        return file;
    }

    @Override
    public void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            List<Entry> entries = JSON.parseArray(Files.readString(file, StandardCharsets.UTF_8), Entry.class);
            for (Entry entry : entries) {
                stored.put(new MessageQueue(entry.topic(), entry.brokerName(), entry.queueId()), entry.offset());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read offsets from " + file, e);
        } catch (JSONException e) {
            throw new ClientException("offsets file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public long read(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public long readStored(MessageQueue queue) {
        Long offset = stored.get(queue);
        if (offset == null) {
            return -1;
        }
        offsets.put(queue, offset);
        return offset;
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        offsets.merge(queue, offset, (old, now) -> increaseOnly ? Math.max(old, now) : now);
    }

    @Override
    public synchronized void persist(Set<MessageQueue> queues) {
        for (MessageQueue queue : queues) {
            Long offset = offsets.get(queue);
            if (offset != null) {
                stored.put(queue, offset);
            }
        }
        write();
    }

    @Override
    public void persistNow(MessageQueue queue) {
        persist(Set.of(queue));
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
    }

    private void write() {
        List<Entry> entries = new ArrayList<>();
        stored.forEach(
                (queue, offset) -> entries.add(new Entry(queue.topic(), queue.brokerName(), queue.queueId(), offset)));
        entries.sort((a, b) -> new MessageQueue(a.topic(), a.brokerName(), a.queueId())
                .compareTo(new MessageQueue(b.topic(), b.brokerName(), b.queueId())));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("offsets.json.tmp");
            Files.writeString(tmp, JSON.toJSONString(entries), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write offsets to " + file, e);
        }
    }
}
