package io.ferrymq.broker.internal.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.testkit.ManualClock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksTopicConfigTableTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();

    private RocksTopicConfigTable open(StoreDb db, boolean autoCreate) {
        return RocksTopicConfigTable.open(db, clock, autoCreate, SystemTopics.of("C", "B", autoCreate, 8));
    }

    @Test
    void systemTopicsAreCreatedAtStart() {
        try (StoreDb db = StoreDb.open(dir, List.of())) {
            RocksTopicConfigTable table = open(db, true);
            assertThat(table.all())
                    .extracting(TopicConfig::topicName)
                    .containsExactlyInAnyOrder("TBW102", "SELF_TEST_TOPIC", "C", "B", "OFFSET_MOVED_EVENT");
            assertThat(table.find("TBW102").orElseThrow().perm()).isEqualTo(7);
            assertThat(table.find("TBW102").orElseThrow().writeQueueNums()).isEqualTo(8);
            assertThat(table.find("C").orElseThrow().perm()).isEqualTo(7);
            assertThat(table.find("B").orElseThrow().perm()).isEqualTo(6);
        }
    }

    @Test
    void topicsAndDataVersionSurviveReopen() {
        DataVersion before;
        try (StoreDb db = StoreDb.open(dir, List.of())) {
            RocksTopicConfigTable table = open(db, true);
            DataVersion initial = table.dataVersion();
            clock.advanceMs(1000);
            table.put(TopicConfig.of("orders", 4, 4, 6));
            before = table.dataVersion();
            assertThat(before.counter()).isEqualTo(initial.counter() + 1);
            assertThat(before.timestamp()).isEqualTo(clock.millis());
            assertThat(table.delete("orders")).isTrue();
            assertThat(table.delete("orders")).isFalse();
            assertThat(table.dataVersion().counter()).isEqualTo(before.counter() + 1);
            table.put(TopicConfig.of("payments", 2, 2, 6));
            before = table.dataVersion();
        }
        try (StoreDb db = StoreDb.open(dir, List.of())) {
            RocksTopicConfigTable table = open(db, true);
            assertThat(table.find("payments")).contains(TopicConfig.of("payments", 2, 2, 6));
            assertThat(table.find("orders")).isEmpty();
            assertThat(table.dataVersion()).isEqualTo(before);
        }
    }

    @Test
    void autoCreateInheritsFromTheTemplateWithoutInherit() {
        try (StoreDb db = StoreDb.open(dir, List.of())) {
            RocksTopicConfigTable table = open(db, true);
            AtomicInteger changes = new AtomicInteger();
            table.addChangeListener(changes::incrementAndGet);
            TopicConfig created = table.createOnSend("fresh", "TBW102", 4, 0).orElseThrow();
            assertThat(created.readQueueNums()).isEqualTo(4);
            assertThat(created.writeQueueNums()).isEqualTo(4);
            assertThat(created.perm()).isEqualTo(6);
            assertThat(table.createOnSend("big", "TBW102", 100, 0).orElseThrow().writeQueueNums())
                    .isEqualTo(8);
            assertThat(table.createOnSend("x", "missing-template", 4, 0)).isEmpty();
            assertThat(table.createOnSend("y", "B", 4, 0))
                    .as("perm 6 does not inherit")
                    .isEmpty();
            assertThat(changes.get()).isEqualTo(2);
        }
    }

    @Test
    void withoutAutoCreateThereIsNoTemplate() {
        try (StoreDb db = StoreDb.open(dir, List.of())) {
            open(db, true);
        }
        try (StoreDb db = StoreDb.open(dir, List.of())) {
            RocksTopicConfigTable table = open(db, false);
            assertThat(table.find("TBW102")).isEmpty();
            assertThat(table.createOnSend("fresh", "TBW102", 4, 0)).isEmpty();
            assertThat(table.createIfAbsent("%RETRY%g", 1).perm()).isEqualTo(6);
        }
    }

    @Test
    void topicNameRules() {
        assertThat(TopicNames.problem("Topic_A-1|%x")).isNull();
        assertThat(TopicNames.problem("bad topic")).contains("illegal characters");
        assertThat(TopicNames.problem("")).contains("blank");
        assertThat(TopicNames.problem("a".repeat(128))).contains("at most 127");
        assertThat(TopicNames.problem("%RETRY%" + "a".repeat(200))).isNull();
        assertThat(TopicNames.isNotWritableByProducers("SCHEDULE_TOPIC_XXXX")).isTrue();
        assertThat(TopicNames.isNotWritableByProducers("orders")).isFalse();
    }
}
