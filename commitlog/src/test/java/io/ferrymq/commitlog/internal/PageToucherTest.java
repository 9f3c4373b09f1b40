package io.ferrymq.commitlog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageToucherTest {
    private static final int SEGMENT = 64 * PageToucher.PAGE_BYTES;

    @TempDir
    Path dir;

    private SegmentList twoSegments() throws Exception {
        SegmentList segments = new SegmentList(SEGMENT);
        segments.addLast(Segment.open(dir.resolve("0"), 0, SEGMENT));
        segments.addLast(Segment.open(dir.resolve("1"), SEGMENT, SEGMENT));
        return segments;
    }

    @Test
    void touchesNothingUntilTheWritePositionMovesThenAWindowAheadOfIt() throws Exception {
        SegmentList segments = twoSegments();
        AtomicLong written = new AtomicLong(100);
        PageToucher toucher = new PageToucher(segments, written::get, 8 * PageToucher.PAGE_BYTES);

        assertThat(toucher.doWork()).isZero();

        written.set(PageToucher.PAGE_BYTES + 10);
        // pages 2..9 start after the written page and before written + window
        assertThat(toucher.doWork()).isEqualTo(8);
        written.set(PageToucher.PAGE_BYTES + 20);
        assertThat(toucher.doWork()).as("already touched").isZero();
    }

    @Test
    void stopsAtTheLastSegmentAndGoesOnOnceTheNextIsThere() throws Exception {
        SegmentList segments = new SegmentList(SEGMENT);
        segments.addLast(Segment.open(dir.resolve("0"), 0, SEGMENT));
        AtomicLong written = new AtomicLong(0);
        PageToucher toucher = new PageToucher(segments, written::get, 4L * SEGMENT);

        written.set(SEGMENT - 2 * PageToucher.PAGE_BYTES);
        assertThat(toucher.doWork()).isEqualTo(1); // the last page of segment 0, then nothing to touch

        segments.addLast(Segment.open(dir.resolve("1"), SEGMENT, SEGMENT));
        written.set(SEGMENT - PageToucher.PAGE_BYTES + 1);
        assertThat(toucher.doWork()).isEqualTo(64);
    }

    @Test
    void neverChangesABytePutThereBeforeOrWhileItTouches() throws Exception {
        SegmentList segments = twoSegments();
        AtomicLong written = new AtomicLong(0);
        PageToucher toucher = new PageToucher(segments, written::get, 2L * SEGMENT);
        byte[] expected = new byte[2 * SEGMENT];
        new Random(7).nextBytes(expected);
        for (int i = 0; i < expected.length; i += 97) {
            expected[i] = 0; // some zero ints too, which the touch compares equal
        }
        Thread touching = new Thread(() -> {
            while (written.get() < expected.length) {
                toucher.doWork();
            }
        });
        touching.start();
        // write as the appender does, racing the toucher page by page
        for (int offset = 0; offset < expected.length; offset += 512) {
            Segment segment = segments.find(offset);
            ByteBuffer view = segment.writeView();
            view.put((int) (offset - segment.startOffset()), expected, offset, 512);
            written.set(offset + 512);
        }
        touching.join();
        for (int s = 0; s < 2; s++) {
            ByteBuffer read = segments.find((long) s * SEGMENT).slice(0, SEGMENT);
            byte[] actual = new byte[SEGMENT];
            read.get(actual);
            for (int i = 0; i < SEGMENT; i++) {
                assertThat(actual[i]).as("byte %d", s * SEGMENT + i).isEqualTo(expected[s * SEGMENT + i]);
            }
        }
    }
}
