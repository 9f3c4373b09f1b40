package io.ferrymq.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendReadTest {
    @TempDir
    Path root;

    private TestStore t;

    @BeforeEach
    void open() throws Exception {
        t = TestStore.open(root, FlushDiskType.ASYNC_FLUSH, false);
    }

    @AfterEach
    void close() throws Exception {
        t.close();
    }

    @Test
    void appendedRecordReadsBackWithTheFieldsTheAppenderChose() {
        t.clock.advanceMs(1234);
        AppendResult result = t.append(MessageSource.text("orders", 3, "hello"));

        assertThat(result.status()).isEqualTo(AppendStatus.OK);
        assertThat(result.physicalOffset()).isZero();
        assertThat(result.queueOffset()).isZero();
        assertThat(result.storeTimestampMs()).isEqualTo(t.clock.millis());
        assertThat(t.log.writtenOffset()).isEqualTo(result.bytes());

        ByteBuffer bytes = t.log.slice(result.physicalOffset(), result.bytes());
        assertThat(bytes.isReadOnly()).isTrue();
        assertThat(StoredRecord.validate(bytes, 0, bytes.limit())).isEqualTo(result.bytes());
        StoredRecord record = new StoredRecord().wrap(bytes, 0);
        assertThat(record.topic()).isEqualTo("orders");
        assertThat(record.queueId()).isEqualTo(3);
        assertThat(record.physicalOffset()).isEqualTo(result.physicalOffset());
        assertThat(record.storeTimestamp()).isEqualTo(result.storeTimestampMs());
        assertThat(StandardCharsets.UTF_8.decode(record.bodySlice()).toString()).isEqualTo("hello");
    }

    @Test
    void queueOffsetsAreConsecutivePerQueue() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            a.add(t.append(MessageSource.text("a", 0, "x" + i)).queueOffset());
            b.add(t.append(MessageSource.text("b", 1, "y" + i)).queueOffset());
        }
        assertThat(a).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(b).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void rollsOverWithABlankRecordAndReadsAcrossSegments() {
        Random random = new Random(7);
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(t.append(MessageSource.ofSize("t", 0, 1000 + random.nextInt(3000), random)));
        }
        assertThat(t.log.writtenOffset()).isGreaterThan(4L * TestStore.SEGMENT);
        for (AppendResult r : results) {
            long segmentStart = r.physicalOffset() / TestStore.SEGMENT * TestStore.SEGMENT;
            assertThat(r.physicalOffset() + r.bytes()).isLessThanOrEqualTo(segmentStart + TestStore.SEGMENT);
        }
        assertThat(readAllSequentially())
                .containsExactlyElementsOf(
                        results.stream().map(AppendResult::physicalOffset).toList());
        assertThat(Files.exists(t.segmentFile(TestStore.SEGMENT))).isTrue();
    }

    /** A dispatcher-style reader: record by record, blank record = go to the next segment. */
    private List<Long> readAllSequentially() {
        List<Long> offsets = new ArrayList<>();
        long offset = t.log.minOffset();
        while (offset < t.log.writtenOffset()) {
            ByteBuffer chunk = t.log.sliceToSegmentEnd(offset);
            int position = 0;
            while (position < chunk.limit()) {
                if (chunk.limit() - position < MessageRecordLayout.BLANK_MIN_SIZE
                        || chunk.getInt(position + 4) == MessageRecordLayout.BLANK_MAGIC) {
                    position = chunk.limit();
                    offset = (offset / TestStore.SEGMENT + 1) * TestStore.SEGMENT;
                    break;
                }
                int size = StoredRecord.validate(chunk, position, chunk.limit());
                assertThat(size).isPositive();
                offsets.add(offset);
                position += size;
                offset += size;
            }
        }
        return offsets;
    }

    @Test
    void blankRecordFillsTheRestOfTheSegment() {
        Random random = new Random(1);
        AppendResult first = t.append(MessageSource.ofSize("t", 0, TestStore.SEGMENT - 100, random));
        AppendResult second = t.append(MessageSource.ofSize("t", 0, 500, random));

        assertThat(second.physicalOffset()).isEqualTo(TestStore.SEGMENT);
        ByteBuffer tail = t.log.sliceToSegmentEnd(first.bytes());
        assertThat(tail.remaining()).isEqualTo(100);
        assertThat(tail.getInt(0)).isEqualTo(100);
        assertThat(tail.getInt(4)).isEqualTo(MessageRecordLayout.BLANK_MAGIC);
    }

    @Test
    void fewerThanEightBytesLeftAreZeroFilled() {
        Random random = new Random(2);
        t.append(MessageSource.ofSize("t", 0, TestStore.SEGMENT - 5, random));
        AppendResult next = t.append(MessageSource.ofSize("t", 0, 300, random));

        assertThat(next.physicalOffset()).isEqualTo(TestStore.SEGMENT);
        ByteBuffer tail = t.log.sliceToSegmentEnd(TestStore.SEGMENT - 5);
        assertThat(tail.remaining()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(tail.get(i)).isZero();
        }
    }

    @Test
    void aRecordFillingAWholeSegmentFits() {
        AppendResult whole = t.append(MessageSource.ofSize("t", 0, TestStore.SEGMENT, new Random(3)));
        assertThat(whole.status()).isEqualTo(AppendStatus.OK);
        assertThat(whole.bytes()).isEqualTo(TestStore.SEGMENT);
        assertThat(t.append(MessageSource.text("t", 0, "next")).physicalOffset())
                .isEqualTo(TestStore.SEGMENT);
    }

    @Test
    void recordLargerThanASegmentIsRefusedWithoutTakingAQueueOffset() {
        AppendResult tooLarge = t.append(MessageSource.ofSize("t", 0, TestStore.SEGMENT + 1, new Random(4)));

        assertThat(tooLarge.status()).isEqualTo(AppendStatus.RECORD_TOO_LARGE);
        assertThat(tooLarge.written()).isFalse();
        assertThat(t.log.writtenOffset()).isZero();
        assertThat(t.append(MessageSource.text("t", 0, "ok")).queueOffset()).isZero();
    }

    @Test
    void batchIsContiguousInOneSegmentWithConsecutiveQueueOffsets() {
        Random random = new Random(5);
        t.append(MessageSource.ofSize("q", 0, TestStore.SEGMENT - 3000, random));
        t.append(MessageSource.text("q", 0, "one"));
        List<MessageRecord> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(MessageSource.ofSize("q", 0, 500, random));
        }
        AppendResult result = t.log.appendBatch(batch).join();

        assertThat(result.status()).isEqualTo(AppendStatus.OK);
        assertThat(result.physicalOffset()).isEqualTo(TestStore.SEGMENT); // did not fit: whole batch moved
        assertThat(result.count()).isEqualTo(10);
        assertThat(result.queueOffset()).isEqualTo(2);
        assertThat(result.bytes())
                .isEqualTo(batch.stream().mapToInt(MessageRecord::recordSize).sum());
        long offset = result.physicalOffset();
        for (int i = 0; i < 10; i++) {
            StoredRecord record = new StoredRecord().wrap(t.log.slice(offset, 500), 0);
            assertThat(record.queueOffset()).isEqualTo(2 + i);
            assertThat(record.physicalOffset()).isEqualTo(offset);
            assertThat(record.storeTimestamp()).isEqualTo(result.storeTimestampMs());
            offset += 500;
        }
    }

    @Test
    void batchOfMixedQueuesIsRefusedAndNothingIsWritten() {
        AppendResult result = t.log.appendBatch(
                        List.of(MessageSource.text("a", 0, "1"), MessageSource.text("a", 1, "2")))
                .join();
        assertThat(result.status()).isEqualTo(AppendStatus.RECORD_TOO_LARGE);
        assertThat(t.log.writtenOffset()).isZero();
        assertThat(t.log.appendBatch(List.of()).join().status()).isEqualTo(AppendStatus.RECORD_TOO_LARGE);
    }

    @Test
    void batchWithAFailingRecordIsAllOrNothing() {
        t.append(MessageSource.text("q", 0, "before"));
        long written = t.log.writtenOffset();
        RecordSource failing = new RecordSource() {
            @Override
            public String topic() {
                return "q";
            }

            @Override
            public int queueId() {
                return 0;
            }

            @Override
            public int recordSize() {
                return 200;
            }

            @Override
            public void encode(ByteBuffer target, long physicalOffset, long queueOffset, long storeTimestampMs) {
                target.put(new byte[100]); // declares 200, writes 100
            }
        };
        AppendResult result = t.log.appendBatch(List.of(MessageSource.text("q", 0, "a"), failing))
                .join();

        assertThat(result.written()).isFalse();
        assertThat(t.log.writtenOffset()).isEqualTo(written);
        assertThat(t.log.sliceToSegmentEnd(written)).isNull();
        AppendResult after = t.append(MessageSource.text("q", 0, "after"));
        assertThat(after.queueOffset()).isEqualTo(1);
        assertThat(after.physicalOffset()).isEqualTo(written);
    }

    @Test
    void slicesOutsideTheWrittenLogAreNull() {
        AppendResult r = t.append(MessageSource.text("t", 0, "x"));
        assertThat(t.log.slice(r.physicalOffset(), r.bytes() + 1)).isNull();
        assertThat(t.log.slice(-1, 4)).isNull();
        assertThat(t.log.sliceToSegmentEnd(r.bytes())).isNull();
        assertThat(t.log.sliceToSegmentEnd(0).remaining()).isEqualTo(r.bytes());
    }

    @Test
    void appendListenersHearEveryNewWrittenOffset() {
        List<Long> heard = new ArrayList<>();
        t.log.addAppendListener(heard::add);
        AppendResult a = t.append(MessageSource.text("t", 0, "1"));
        AppendResult b = t.append(MessageSource.text("t", 0, "2"));
        assertThat(heard).containsExactly(a.bytes() + 0L, a.bytes() + (long) b.bytes());
    }

    @Test
    void closedLogRefusesAppendsAsUnavailable() throws Exception {
        t.append(MessageSource.text("t", 0, "1"));
        t.log.close();
        assertThat(t.log.append(MessageSource.text("t", 0, "2")).join().status())
                .isEqualTo(AppendStatus.UNAVAILABLE);
        assertThat(t.log.slice(0, 4)).isNull();
        t.log.close(); // idempotent
    }
}
