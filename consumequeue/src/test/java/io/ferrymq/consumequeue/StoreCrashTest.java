package io.ferrymq.consumequeue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.message.StoredRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that really crashes: a child JVM puts under SYNC_FLUSH and is SIGKILLed at a seeded random
 * moment; the reopened store must serve every acknowledged message through its queue offset, its
 * unique id and its key, and every queue must be consistent. Three rounds on the same store.
 */
class StoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("StoreCrashTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path root = dir.resolve("store");
        Path acks = dir.resolve("acks.txt");
        Files.createFile(acks);
        for (int round = 0; round < 3; round++) {
            int killAfterAcks = ackCount(acks) + 200 + random.nextInt(1500);
            Process child = start(root, acks, round, random.nextLong());
            awaitReady(child);
            await().atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> ackCount(acks) >= killAfterAcks || !child.isAlive());
            assertThat(child.isAlive())
                    .as("child still producing in round %d", round)
                    .isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            verify(root, acks, round);
        }
    }

    private static void verify(Path root, Path acks, int round) throws Exception {
        List<String[]> lines = acknowledged(acks);
        try (MessageStore store = StoreFixture.open(root)) {
            StoredRecord record = new StoredRecord();
            for (String[] ack : lines) {
                String topic = ack[0];
                int queueId = Integer.parseInt(ack[1]);
                long queueOffset = Long.parseLong(ack[2]);
                long physicalOffset = Long.parseLong(ack[3]);
                GetResult get = store.get(topic, queueId, queueOffset, 1, 1 << 20, MessageFilter.all());
                assertThat(get.status())
                        .as("round %d: %s", round, String.join(" ", ack))
                        .isEqualTo(GetStatus.FOUND);
                record.wrap(get.messages().get(0), 0);
                assertThat(record.physicalOffset()).isEqualTo(physicalOffset);
                assertThat(bodyHash(record)).isEqualTo(Integer.parseInt(ack[4]));
                assertThat(record.verifyBodyCrc()).isTrue();
                ByteBuffer byId = store.byUniqueId(topic, ack[5]);
                assertThat(byId).as("unique id %s", ack[5]).isNotNull();
                assertThat(record.wrap(byId, 0).physicalOffset()).isEqualTo(physicalOffset);
                QueryResult byKey = store.queryByKey(topic, ack[6], 4, 0, Long.MAX_VALUE);
                assertThat(byKey.messages()).as("key %s", ack[6]).hasSize(1);
            }
            for (String topic : CrashingProducerMain.TOPICS) {
                for (int queueId = 0; queueId < CrashingProducerMain.QUEUES; queueId++) {
                    assertQueueConsistent(store, topic, queueId);
                }
            }
            System.out.println("round " + round + ": " + lines.size() + " acknowledged messages verified");
        }
    }

    private static void assertQueueConsistent(MessageStore store, String topic, int queueId) {
        long min = store.minOffset(topic, queueId);
        long max = store.maxOffset(topic, queueId);
        StoredRecord record = new StoredRecord();
        for (long offset = min; offset < max; ) {
            GetResult get = store.get(topic, queueId, offset, 32, 1 << 20, MessageFilter.all());
            assertThat(get.status()).isEqualTo(GetStatus.FOUND);
            for (ByteBuffer bytes : get.messages()) {
                record.wrap(bytes, 0);
                assertThat(record.topicEquals(topic)).isTrue();
                assertThat(record.queueId()).isEqualTo(queueId);
                assertThat(record.queueOffset())
                        .as("contiguous offsets in %s-%d", topic, queueId)
                        .isEqualTo(offset);
                offset++;
            }
            assertThat(get.nextBeginOffset()).isEqualTo(offset);
        }
    }

    private static int bodyHash(StoredRecord record) {
        ByteBuffer body = record.bodySlice();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8).hashCode();
    }

    private static Process start(Path root, Path acks, int round, long seed) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashingProducerMain.class.getName());
        command.addAll(List.of(root.toString(), acks.toString(), Integer.toString(round), Long.toString(seed)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("ready")) {
            System.out.println("child: " + line);
        }
        assertThat(line).as("the child opened the store").isEqualTo("ready");
        Thread drain = new Thread(() -> reader.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
    }

    private static int ackCount(Path acks) throws Exception {
        return acknowledged(acks).size();
    }

    /** Complete lines only: the child may be killed mid-line. */
    private static List<String[]> acknowledged(Path acks) throws Exception {
        String text = Files.readString(acks);
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end).split(" "));
            start = end + 1;
        }
        return lines;
    }
}
