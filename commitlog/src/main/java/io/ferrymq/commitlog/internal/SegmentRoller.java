package io.ferrymq.commitlog.internal;

import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the next segment when the appender rolls over (taking the prepared one when it is ready)
 * and adds it to the list, then has the one after it prepared. An I/O error is
 * logged and answered with null, so that append is refused as UNAVAILABLE and the next one tries again.
 *
 * <p>Called only by the appender under its lock.
 */
public final class SegmentRoller {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRoller.class);

    private final SegmentDirectory directory;
    private final SegmentList segments;
    private final SegmentPreparer preparer;
    private final Clock clock;

    SegmentRoller(SegmentDirectory directory, SegmentList segments, SegmentPreparer preparer, Clock clock) {
        this.directory = directory;
        this.segments = segments;
        this.preparer = preparer;
        this.clock = clock;
    }

    /** The new segment starting at {@code startOffset}, or null if it could not be created. */
    Segment next(long startOffset) {
        try {
            Segment segment = preparer.take(startOffset);
            if (segment == null) {
                segment = directory.create(startOffset);
            }
            segment.lastStoreTimestampMs(clock.millis());
            segments.addLast(segment);
            preparer.prepare(segment.endOffset());
            return segment;
        } catch (IOException e) {
            LOG.error(
                    "could not create segment at offset {} in {}: appends refused until it can be",
                    startOffset,
                    directory.path(),
                    e);
            return null;
        }
    }
}
