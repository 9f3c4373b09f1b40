package io.ferrymq.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system), from {@code /proc/<pid>/stat}, in clock ticks of 10
 * ms (Linux's USER_HZ). Stateless.
 */
final class ProcessCpu {
    static final double TICK_MICROS = 10_000;

    private ProcessCpu() {}

    /** utime + stime of {@code pid}, in ticks. */
    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
