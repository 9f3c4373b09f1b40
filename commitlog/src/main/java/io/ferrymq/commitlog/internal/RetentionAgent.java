package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.agent.Agent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trims the log from its oldest end, and keeps the DISK_FULL gate in step with the disk. Each step:
 * probes the disk (refusing appends at or above the hard limit, accepting them again below it); above
 * {@code diskMaxUsedSpaceRatio} deletes the oldest segments one at a time until use falls below it,
 * expired or not; otherwise, during a {@code deleteWhen} hour, deletes the oldest segments whose last
 * write is older than {@code fileReservedTime}. The active (newest) segment is never deleted.
 * Listeners hear the new minimum offset; deleted segments are unmapped after a grace period.
 *
 * <p>Thread-safety: {@link #doWork()} is called by one thread (its runner, or a test).
 */
public final class RetentionAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionAgent.class);

    /** The retention policy, in the units the agent works with. */
    public record Policy(long reservedMs, DeleteWhen deleteWhen, double maxUsedRatio, double hardLimitRatio) {}

    private final SegmentList segments;
    private final SegmentDirectory directory;
    private final RetiredSegments retired;
    private final Clock clock;
    private final DiskUsageProbe probe;
    private final Policy policy;
    private final WriteGate gate;
    private final OffsetListeners listeners;
    private final RetentionFloors floors = new RetentionFloors();
    private long heldSegment = -1;

    public RetentionAgent(
            SegmentList segments,
            SegmentDirectory directory,
            RetiredSegments retired,
            Clock clock,
            DiskUsageProbe probe,
            Policy policy,
            WriteGate gate,
            OffsetListeners listeners) {
        this.segments = segments;
        this.directory = directory;
        this.retired = retired;
        this.clock = clock;
        this.probe = probe;
        this.policy = policy;
        this.gate = gate;
        this.listeners = listeners;
    }

    @Override
    public int doWork() {
        long now = clock.millis();
        double used = checkDisk();
        int deleted;
        if (used > policy.maxUsedRatio()) {
            deleted = deleteForSpace(now, used);
        } else if (policy.deleteWhen().includes(hourOf(now))) {
            deleted = deleteExpired(now);
        } else {
            deleted = 0;
        }
        if (deleted > 0) {
            checkDisk();
            listeners.notify(segments.first().startOffset());
        }
        return deleted + retired.unmapDue();
    }

    /** What holds deletion back (see {@link io.ferrymq.commitlog.CommitLog#addRetentionFloor}). */
    public RetentionFloors floors() {
        return floors;
    }

    /** Sets the DISK_FULL gate from the probe now (on open, before the first step). */
    public void checkDiskNow() {
        checkDisk();
    }

    private double checkDisk() {
        double used = probe.usedRatio(directory.path());
        gate.diskUsedRatio(used);
        boolean full = used >= policy.hardLimitRatio();
        if (full != gate.diskFull()) {
            if (full) {
                LOG.error(
                        "disk under {} is {}% used (hard limit {}%): appends refused until space returns",
                        directory.path(), percent(used), percent(policy.hardLimitRatio()));
            } else {
                LOG.info("disk under {} is {}% used: appends accepted again", directory.path(), percent(used));
            }
            gate.diskFull(full);
        }
        return used;
    }

    private int deleteForSpace(long now, double used) {
        int deleted = 0;
        double current = used;
        while (current > policy.maxUsedRatio() && segments.size() > 1 && deletable(segments.first())) {
            deleteOldest(now, "disk " + percent(current) + "% used, above " + percent(policy.maxUsedRatio()) + "%");
            deleted++;
            current = probe.usedRatio(directory.path());
        }
        return deleted;
    }

    private int deleteExpired(long now) {
        int deleted = 0;
        while (segments.size() > 1
                && segments.first().lastStoreTimestampMs() + policy.reservedMs() < now
                && deletable(segments.first())) {
            deleteOldest(
                    now,
                    "last write " + Instant.ofEpochMilli(segments.first().lastStoreTimestampMs()) + " is older than "
                            + policy.reservedMs() / 3_600_000 + " h");
            deleted++;
        }
        return deleted;
    }

    /** Whether no floor needs a record of {@code segment}; logs (once per segment) when one does. */
    private boolean deletable(Segment segment) {
        long floor = floors.lowest();
        if (floor >= segment.endOffset()) {
            return true;
        }
        if (heldSegment != segment.startOffset()) {
            heldSegment = segment.startOffset();
            LOG.info(
                    "segment {} is due for deletion but kept: records from offset {} are still needed"
                            + " (delayed messages not yet due or transactions not yet settled)",
                    segment.path(),
                    floor);
        }
        return false;
    }

    private void deleteOldest(long now, String reason) {
        Segment oldest = segments.first();
        if (!segments.removeFirst(oldest)) {
            return;
        }
        try {
            directory.delete(oldest.path());
            LOG.info("deleted segment {} ({})", oldest.path(), reason);
        } catch (IOException e) {
            LOG.warn("segment {} left the log but its file could not be deleted: {}", oldest.path(), e.toString());
        }
        retired.retire(oldest);
    }

    private int hourOf(long epochMs) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMs), clock.getZone())
                .getHour();
    }

    private static long percent(double ratio) {
        return Math.round(ratio * 100);
    }

    @Override
    public String roleName() {
        return "commitlog-retention";
    }
}
