package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.AppendStatus;

/**
 * Whether appends are accepted right now: refused while the disk is above its hard limit (set by the
 * retention agent from the disk probe, so no append pays for a probe) and after close.
 *
 * It also keeps the disk's used ratio as last measured, for status reports.
 *
 * <p>Thread-safe: volatile fields, one writer each.
 */
public final class WriteGate {
    private volatile boolean diskFull;
    private volatile double diskUsedRatio;
    private volatile boolean closed;

    /** Null when appends are accepted, else why they are refused. */
    public AppendStatus refusal() {
        if (closed) {
            return AppendStatus.UNAVAILABLE;
        }
        return diskFull ? AppendStatus.DISK_FULL : null;
    }

    public boolean diskFull() {
        return diskFull;
    }

    public void diskFull(boolean full) {
        this.diskFull = full;
    }

    /** The used share of the log's disk at the last measurement (0 before the first). */
    public double diskUsedRatio() {
        return diskUsedRatio;
    }

    public void diskUsedRatio(double ratio) {
        this.diskUsedRatio = ratio;
    }

    public void close() {
        this.closed = true;
    }
}
