package io.ferrymq.commitlog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentListTest {
    private static final int SIZE = 4096;

    @TempDir
    Path dir;

    private Segment segment(long start) throws Exception {
        return new SegmentDirectory(dir, SIZE, false).create(start);
    }

    @Test
    void findsTheSegmentOfAnOffsetByDivision() throws Exception {
        SegmentList list = new SegmentList(SIZE);
        Segment a = segment(2 * SIZE);
        Segment b = segment(3 * SIZE);
        list.addLast(a);
        list.addLast(b);

        assertThat(list.find(2 * SIZE)).isSameAs(a);
        assertThat(list.find(3 * SIZE - 1)).isSameAs(a);
        assertThat(list.find(3 * SIZE)).isSameAs(b);
        assertThat(list.find(SIZE)).isNull();
        assertThat(list.find(4 * SIZE)).isNull();
        assertThat(list.find(-1)).isNull();

        assertThat(list.removeFirst(b)).isFalse();
        assertThat(list.removeFirst(a)).isTrue();
        assertThat(list.find(2 * SIZE)).isNull();
        assertThat(list.find(3 * SIZE)).isSameAs(b);
        assertThat(list.removeLast()).isSameAs(b);
        assertThat(list.size()).isZero();
    }

    @Test
    void refusesAGap() throws Exception {
        SegmentList list = new SegmentList(SIZE);
        list.addLast(segment(0));
        Segment later = segment(2 * SIZE);
        assertThatThrownBy(() -> list.addLast(later)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void segmentFileNamesAreTwentyDigits() {
        assertThat(SegmentFileName.of(1073741824L)).isEqualTo("00000000001073741824");
        assertThat(SegmentFileName.parse("00000000001073741824")).hasValue(1073741824L);
        assertThat(SegmentFileName.parse("checkpoint")).isEmpty();
        assertThat(SegmentFileName.parse("0000000000107374182x")).isEmpty();
    }

    @Test
    void loadRefusesFilesOfAnotherSegmentSize() throws Exception {
        new SegmentDirectory(dir, SIZE, false).create(SIZE);
        assertThatThrownBy(() -> new SegmentDirectory(dir, 3 * SIZE, false).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mappedFileSizeCommitLog");
    }
}
