package io.ferrymq.consumequeue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the consume queues found under {@code <store>/consumequeue} at open, checking each against
 * the max offset the {@link QueueManifest} recorded at the last checkpoint: a missing, short or
 * out-of-sequence file cuts the queue at the damage (later files are deleted) and marks it for
 * rebuilding from the commit log. A queue directory the manifest does not know was created after the
 * checkpoint, so all of it lies past the checkpoint: it is deleted and rebuilt by re-dispatch.
 *
 * <p>Runs on the opening thread, before the dispatcher starts.
 */
final class ConsumeQueueLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueueLoader.class);

    private final ConsumeQueueTable table;
    private final Map<String, Map<Integer, Long>> manifest;

    ConsumeQueueLoader(ConsumeQueueTable table, Map<String, Map<Integer, Long>> manifest) {
        this.table = table;
        this.manifest = manifest;
    }

    /** Loads every queue; returns those that need rebuilding from the log, with their recorded max. */
    List<DamagedQueue> load() {
        List<DamagedQueue> damaged = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Long>> topic : manifest.entrySet()) {
            for (Map.Entry<Integer, Long> queue : topic.getValue().entrySet()) {
                DamagedQueue damage = loadQueue(topic.getKey(), queue.getKey(), queue.getValue());
                if (damage != null) {
                    damaged.add(damage);
                }
            }
        }
        deleteUnknownQueues();
        return damaged;
    }

    private DamagedQueue loadQueue(String topic, int queueId, long recordedMax) {
        Path dir = table.root().resolve(topic).resolve(Integer.toString(queueId));
        int perFile = table.entriesPerFile();
        List<ConsumeQueueSegment> segments = new ArrayList<>();
        long coveredEnd = -1;
        String damage = null;
        for (long start : fileStarts(dir)) {
            Path file = dir.resolve(ConsumeQueueLayout.fileName(start));
            if (damage != null || start >= recordedMax) {
                deleteFile(file);
                continue;
            }
            if (start % perFile != 0 || (coveredEnd >= 0 && start != coveredEnd)) {
                damage = "file " + file.getFileName() + " does not follow offset " + coveredEnd;
                deleteFile(file);
                continue;
            }
            long entries = Math.min(perFile, fileLength(file) / ConsumeQueueLayout.ENTRY_SIZE);
            segments.add(ConsumeQueueSegment.open(dir, start, perFile));
            coveredEnd = start + entries;
            if (entries < perFile && coveredEnd < recordedMax) {
                damage = "file " + file.getFileName() + " is cut short after " + entries + " entries";
            }
        }
        long max = segments.isEmpty() ? 0 : Math.min(recordedMax, coveredEnd);
        if (max < recordedMax && damage == null) {
            damage = segments.isEmpty() ? "no files" : "files end at offset " + coveredEnd;
        }
        ConsumeQueue queue = build(topic, queueId, dir, segments, max);
        table.put(queue);
        if (damage == null) {
            return null;
        }
        LOG.warn(
                "consume queue {}-{} is damaged ({}): kept offsets below {}, rebuilding up to {} from the commit log",
                topic,
                queueId,
                damage,
                queue.maxOffset(),
                recordedMax);
        return new DamagedQueue(queue, recordedMax);
    }

    private ConsumeQueue build(String topic, int queueId, Path dir, List<ConsumeQueueSegment> segments, long max) {
        long min = segments.isEmpty() ? max : Math.min(segments.get(0).firstOffset(), max);
        ConsumeQueueSegment[] array = segments.toArray(new ConsumeQueueSegment[0]);
        ConsumeQueue queue = new ConsumeQueue(topic, queueId, dir, table.entriesPerFile(), array, min, max);
        // slots past max may hold entries written after the checkpoint; they are rewritten by re-dispatch
        for (ConsumeQueueSegment segment : array) {
            if (segment.endOffset() > max) {
                segment.clearWhileWritten(max);
            }
        }
        queue.manifestMax = max;
        return queue;
    }

    private void deleteUnknownQueues() {
        for (Path topicDir : list(table.root())) {
            String topic = topicDir.getFileName().toString();
            Map<Integer, Long> known = manifest.getOrDefault(topic, Map.of());
            for (Path queueDir : list(topicDir)) {
                Integer queueId = parseQueueId(queueDir.getFileName().toString());
                if (queueId == null || !known.containsKey(queueId)) {
                    LOG.info("consume queue directory {} was created after the checkpoint: rebuilding it", queueDir);
                    for (Path file : list(queueDir)) {
                        deleteFile(file);
                    }
                }
            }
        }
    }

    private static Integer parseQueueId(String name) {
        try {
            return Integer.valueOf(name);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Long> fileStarts(Path dir) {
        List<Long> starts = new ArrayList<>();
        for (Path file : list(dir)) {
            long start = ConsumeQueueLayout.firstQueueOffset(file.getFileName().toString());
            if (start >= 0) {
                starts.add(start);
            }
        }
        starts.sort(null);
        return starts;
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static long fileLength(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** A queue cut at damage; {@code recordedMax} is what it held at the last checkpoint. */
    record DamagedQueue(ConsumeQueue queue, long recordedMax) {}
}
